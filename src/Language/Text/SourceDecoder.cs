using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace VirtLang.Language.Text;

/// <summary>Bytes to <see cref="SourceText"/>: UTF-8 with or without BOM (UTF-16 with a BOM too); never throws on bad bytes.</summary>
public static class SourceDecoder
{
    public static SourceText Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], path, hasBom: true);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return SourceText.From(Encoding.Unicode.GetString(bytes[2..]), path);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return SourceText.From(Encoding.BigEndianUnicode.GetString(bytes[2..]), path);
        }

        return DecodeUtf8(bytes, path, hasBom: false);
    }

    public static SourceText ReadFile(string path) => Decode(File.ReadAllBytes(path), path);

    private static SourceText DecodeUtf8(ReadOnlySpan<byte> bytes, string path, bool hasBom)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return SourceText.From(new string(chars, 0, written), path, hasBom);
            }

            // Keep going with replacement characters, and remember where the first bad byte was.
            var problem = new DecodingProblem(bytes[read], read + (hasBom ? 3 : 0), written);
            var text = Encoding.UTF8.GetString(bytes);
            return SourceText.From(text, path, hasBom, problem);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
