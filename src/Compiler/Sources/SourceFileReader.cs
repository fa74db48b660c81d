using VirtLang.Language.Text;
using VirtLang.Runtime.Files;

namespace VirtLang.Compiler.Sources;

/// <summary>
/// Reads one file of a model from disk, within bounds: it must be a regular file (asked before opening, so a FIFO
/// cannot block and a device cannot stream forever) of at most <see cref="SourceLimits.MaxFileBytes"/>, and no more
/// than that is read even if it grows meanwhile.
/// </summary>
public static class SourceFileReader
{
    public static bool TryRead(string path, out SourceText? text, out SourceReadFailure? failure)
    {
        text = null;
        failure = null;
        switch (FileStatus.Of(path).Kind)
        {
            case FileKind.Regular:
                break;
            case FileKind.Missing:
                failure = new SourceReadFailure(SourceReadFailureKind.NotFound,
                    CanonicalPath.Resolve(path) is null ? "a loop of symbolic links" : $"no such file ({Path.GetFullPath(path)})");
                return false;
            case var kind:
                failure = new SourceReadFailure(SourceReadFailureKind.NotARegularFile, $"it is {FileStatus.Describe(kind)}, not a file");
                return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            if (stream.Length > SourceLimits.MaxFileBytes)
            {
                failure = TooLarge(stream.Length);
                return false;
            }

            // Read to the limit and one byte past it: a file that grew since its length was asked is still caught.
            var bytes = new byte[(int)Math.Min(stream.Length, SourceLimits.MaxFileBytes) + 1];
            var read = ReadFully(stream, bytes);
            if (read == bytes.Length)
            {
                using var grown = new MemoryStream();
                grown.Write(bytes, 0, read);
                var chunk = new byte[81920];
                int n;
                while (grown.Length <= SourceLimits.MaxFileBytes && (n = stream.Read(chunk)) > 0)
                {
                    grown.Write(chunk, 0, n);
                }

                if (grown.Length > SourceLimits.MaxFileBytes)
                {
                    failure = TooLarge(null);
                    return false;
                }

                bytes = grown.ToArray();
                read = bytes.Length;
            }

            text = SourceDecoder.Decode(bytes.AsSpan(0, read), path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = new SourceReadFailure(SourceReadFailureKind.NotFound, e.Message);
            return false;
        }
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return read;
    }

    private static SourceReadFailure TooLarge(long? bytes) => new(SourceReadFailureKind.TooLarge,
        bytes is { } known
            ? $"it has {known:N0} bytes, more than the {SourceLimits.MaxFileBytes / (1024 * 1024)} MiB a model file may have"
            : $"it has more than the {SourceLimits.MaxFileBytes / (1024 * 1024)} MiB a model file may have");
}
