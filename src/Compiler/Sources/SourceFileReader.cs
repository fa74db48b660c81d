using VirtLang.Language.Text;
using VirtLang.Runtime.Files;

namespace VirtLang.Compiler.Sources;

/// <summary>
/// Reads one file of a model, within bounds: from disk it must be a regular file (asked before opening, so a FIFO
/// cannot block and a device cannot stream forever); from disk or a stream (standard input) at most
/// <see cref="SourceLimits.MaxFileBytes"/> are read, even if the file grows meanwhile.
/// </summary>
public static class SourceFileReader
{
    public static bool TryRead(string path, out SourceText? text, out SourceReadFailure? failure)
    {
        text = TryReadBytes(path, out var bytes, out failure) ? SourceDecoder.Decode(bytes, path) : null;
        return text is not null;
    }

    /// <summary>The file's bytes as they are on disk (what the formatter needs to keep an encoding), within the bounds.</summary>
    public static bool TryReadBytes(string path, out byte[] bytes, out SourceReadFailure? failure)
    {
        bytes = [];
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

            return TryReadBytes(stream, out bytes, out failure);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = new SourceReadFailure(SourceReadFailureKind.NotFound, e.Message);
            return false;
        }
    }

    /// <summary>
    /// A stream's bytes to its end, refused past <see cref="SourceLimits.MaxFileBytes"/>: read to the limit and one
    /// byte past it, so a stream that never ends (or a file that grew since its length was asked) is still caught.
    /// </summary>
    public static bool TryReadBytes(Stream stream, out byte[] bytes, out SourceReadFailure? failure)
    {
        if (BoundedRead.ToEnd(stream, SourceLimits.MaxFileBytes) is { } read)
        {
            (bytes, failure) = (read, null);
            return true;
        }

        (bytes, failure) = ([], TooLarge(null));
        return false;
    }

    private static SourceReadFailure TooLarge(long? bytes) => new(SourceReadFailureKind.TooLarge,
        bytes is { } known
            ? $"it has {known:N0} bytes, more than the {SourceLimits.MaxFileBytes / (1024 * 1024)} MiB a model file may have"
            : $"it has more than the {SourceLimits.MaxFileBytes / (1024 * 1024)} MiB a model file may have");
}
