using System.Buffers.Binary;
using System.Text;

namespace VirtLang.Sweeps;

/// <summary>The writing half of <see cref="BoundedReader"/>: little-endian fields, strings as UTF-8 with their byte length first.</summary>
internal static class BinaryWriterExtensions
{
    public static void WriteInt32(this Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    public static void WriteUInt64(this Stream stream, ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    /// <summary>The double's exact bits: what is read back is the same double, NaN payloads and signed zeros included.</summary>
    public static void WriteDouble(this Stream stream, double value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(buffer, value);
        stream.Write(buffer);
    }

    public static void WriteString(this Stream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        stream.WriteInt32(bytes.Length);
        stream.Write(bytes);
    }
}
