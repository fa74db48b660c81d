using System.Text;

namespace VirtLang.Cli.Files;

/// <summary>
/// How a model file's text is stored, told by its byte order mark as <see cref="Language.Text.SourceDecoder"/> reads
/// it (UTF-8 with or without one, UTF-16 little- or big-endian with one), so that <c>vdl fmt</c> writes the new text
/// the way the file had it.
/// </summary>
internal sealed class TextFileEncoding
{
    private static readonly TextFileEncoding Utf8 = new("UTF-8", new UTF8Encoding(false, throwOnInvalidBytes: true), []);
    private static readonly TextFileEncoding Utf8Bom = new("UTF-8 with a byte order mark", new UTF8Encoding(false, throwOnInvalidBytes: true), [0xEF, 0xBB, 0xBF]);
    private static readonly TextFileEncoding Utf16LittleEndian = new("UTF-16 LE", new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), [0xFF, 0xFE]);
    private static readonly TextFileEncoding Utf16BigEndian = new("UTF-16 BE", new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), [0xFE, 0xFF]);

    private readonly Encoding _encoding;
    private readonly byte[] _preamble;

    private TextFileEncoding(string name, Encoding encoding, byte[] preamble)
    {
        Name = name;
        _encoding = encoding;
        _preamble = preamble;
    }

    public string Name { get; }

    /// <summary>The encoding of <paramref name="bytes"/>, in the order the decoder tries them.</summary>
    public static TextFileEncoding Detect(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Utf8Bom
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Utf16LittleEndian
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Utf16BigEndian
        : Utf8;

    /// <summary>
    /// Whether the bytes after the byte order mark are valid in this encoding: a byte that is not (a Latin-1 <c>é</c>
    /// in a UTF-8 file, half a UTF-16 pair) would become U+FFFD for good if the text were written back.
    /// </summary>
    public bool IsValid(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _encoding.GetCharCount(bytes[_preamble.Length..]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The bytes of <paramref name="text"/> in this encoding, byte order mark first.</summary>
    public byte[] GetBytes(string text) => [.. _preamble, .. _encoding.GetBytes(text)];
}
