using System.Buffers.Binary;
using System.Text;

namespace VirtLang.Sweeps;

/// <summary>
/// Reads the little-endian fields of our binary formats from untrusted bytes: every length and count is checked against
/// what remains before anything is allocated, and every problem is a <see cref="SweepDataException"/>.
/// </summary>
internal ref struct BoundedReader(ReadOnlySpan<byte> bytes, string what)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly int Remaining => _bytes.Length - _position;

    public void Expect(ReadOnlySpan<byte> magic)
    {
        if (Remaining < magic.Length || !_bytes.Slice(_position, magic.Length).SequenceEqual(magic))
        {
            throw Fail("it does not start as one");
        }

        _position += magic.Length;
    }

    public byte Byte() => Take(1)[0];

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>A count of items that each take at least <paramref name="minBytesEach"/> bytes, at most <paramref name="max"/>.</summary>
    public int Count(int max, int minBytesEach, string of)
    {
        var count = Int32();
        if (count < 0 || count > max)
        {
            throw Fail($"{count} {of} (at most {max:N0})");
        }

        if ((long)count * minBytesEach > Remaining)
        {
            throw Fail($"{count} {of} do not fit in the {Remaining} bytes left (truncated?)");
        }

        return count;
    }

    /// <summary>A UTF-8 string with its byte length first, at most <paramref name="maxBytes"/> bytes.</summary>
    public string String(int maxBytes, string of)
    {
        var length = Int32();
        if (length < 0 || length > maxBytes)
        {
            throw Fail($"{of} of {length} bytes (at most {maxBytes:N0})");
        }

        var span = Take(length);
        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw Fail($"{of} is not UTF-8");
        }
    }

    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
        {
            throw Fail($"{Remaining} bytes after its end");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Fail("it is truncated");
        }

        var span = _bytes.Slice(_position, count);
        _position += count;
        return span;
    }

    public readonly SweepDataException Fail(string problem) => new($"not a valid {what}: {problem}");
}
