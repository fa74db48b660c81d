using VirtLang.Compiler.Diagnostics;
using VirtLang.Runtime.Files;

namespace VirtLang.Import.Sources;

/// <summary>
/// Opens a source file within bounds: only a regular file (asked before opening, so a FIFO cannot block and a device
/// cannot stream forever), at most <paramref name="maxBytes"/> read even if it grows meanwhile.
/// </summary>
internal static class ImportSourceReader
{
    public static byte[]? TryReadAll(string path, long maxBytes, List<ImportProblem> problems)
    {
        using var stream = TryOpen(path, maxBytes, problems);
        if (stream is null)
        {
            return null;
        }

        if (BoundedRead.ToEnd(stream, maxBytes) is { } bytes)
        {
            return bytes;
        }

        problems.Add(TooLarge(path, maxBytes));
        return null;
    }

    public static FileStream? TryOpen(string path, long maxBytes, List<ImportProblem> problems)
    {
        switch (FileStatus.Of(path).Kind)
        {
            case FileKind.Regular:
                break;
            case FileKind.Missing:
                problems.Add(ImportProblem.Of(path, 1, 1, ImportDiagnostics.FileCannotBeRead, $"no such file ({Path.GetFullPath(path)})"));
                return null;
            case var kind:
                problems.Add(ImportProblem.Of(path, 1, 1, ImportDiagnostics.FileCannotBeRead, $"it is {FileStatus.Describe(kind)}, not a file"));
                return null;
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > maxBytes)
            {
                stream.Dispose();
                problems.Add(TooLarge(path, maxBytes));
                return null;
            }

            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(ImportProblem.Of(path, 1, 1, ImportDiagnostics.FileCannotBeRead, e.Message));
            return null;
        }
    }

    private static ImportProblem TooLarge(string path, long maxBytes) =>
        ImportProblem.Of(path, 1, 1, ImportDiagnostics.OverALimit, "the file is larger", $"{maxBytes / (1024 * 1024):N0} MiB of one file");
}
