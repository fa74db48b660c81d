namespace VirtLang.Runtime.Files;

/// <summary>
/// Reads a stream to its end, but never more than a bound: what every reader of untrusted files (model files, standard
/// input, traces) needs, since a length asked beforehand can change and a device or a pipe has none.
/// </summary>
public static class BoundedRead
{
    /// <summary>
    /// The stream's bytes, or null when it holds more than <paramref name="maxBytes"/>: it reads to the bound and one byte
    /// past it, so a stream that never ends, or a file that grew since it was measured, is caught without being held.
    /// </summary>
    public static byte[]? ToEnd(Stream stream, long maxBytes)
    {
        using var read = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while (read.Length <= maxBytes && (n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - read.Length))) > 0)
        {
            read.Write(chunk, 0, n);
        }

        return read.Length > maxBytes ? null : read.ToArray();
    }
}
