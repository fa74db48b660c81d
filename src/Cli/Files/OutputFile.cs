using VirtLang.Runtime.Files;

namespace VirtLang.Cli.Files;

/// <summary>
/// Writes what a verb produces (a report, results, a formatted model) without destroying what is at the path:
/// <list type="bullet">
/// <item>a symbolic link is written through: its target gets the content, the link stays a link;</item>
/// <item>a FIFO, a character or block device (<c>/dev/null</c>, <c>/dev/stdout</c>) is opened and written to, never
/// replaced by a regular file;</item>
/// <item>a regular file with several hard links is rewritten in place, so every name keeps seeing the same file (the
/// price: a crash mid-write can leave it half-written, which replacing it would avoid only by breaking the links);</item>
/// <item>anything else (a new file, or a regular file with one name) is replaced atomically: a temporary file beside
/// it, flushed to disk, given the original's permissions, renamed over it. A crash or a full disk leaves the original
/// untouched.</item>
/// </list>
/// Failures are <see cref="OutputFileException"/> naming the user's path, never the temporary file's.
/// </summary>
internal static class OutputFile
{
    /// <summary>Text as UTF-8 without a byte order mark, the encoding of every output vdl makes.</summary>
    public static void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var target = CanonicalTarget(path);
            if (FileStatus.Of(target, followLinks: false).Kind == FileKind.SymbolicLink)
            {
                // Resolution gave up (a loop of links): replacing the link would destroy it.
                throw new OutputFileException(path, "is a loop of symbolic links");
            }

            var status = FileStatus.Of(target);
            switch (status.Kind)
            {
                case FileKind.Directory:
                    throw new OutputFileException(path, "is a directory");
                case var _ when status.IsSpecial:
                    WriteInPlace(target, bytes, FileMode.Open);
                    break;
                case FileKind.Regular when status.LinkCount > 1:
                    WriteInPlace(target, bytes, FileMode.Truncate);
                    break;
                default:
                    ReplaceAtomically(target, bytes);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputFileException)
        {
            throw new OutputFileException(path, e.Message);
        }
    }

    /// <summary>Where the content goes: the file itself, or the end of the chain of links at the path.</summary>
    private static string CanonicalTarget(string path) =>
        FileStatus.Of(path, followLinks: false).Kind == FileKind.SymbolicLink ? Compiler.Sources.CanonicalPath.Resolve(path) ?? Path.GetFullPath(path) : Path.GetFullPath(path);

    private static void WriteInPlace(string path, ReadOnlySpan<byte> bytes, FileMode mode)
    {
        using var stream = new FileStream(path, mode, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
        if (stream.CanSeek)
        {
            stream.Flush(flushToDisk: true);
        }
    }

    private static void ReplaceAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new IOException(Reason(e, temp, path), e);
        }
    }

    /// <summary>The system's reason, naming the file written where it named the temporary file.</summary>
    private static string Reason(Exception e, string temp, string target) =>
        e.Message.Replace(temp, target, StringComparison.Ordinal)
            .Replace(Path.GetFileName(temp), Path.GetFileName(target), StringComparison.Ordinal);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original is intact; a stray temporary file is the lesser harm.
        }
    }
}
