using System.Text;

namespace VirtLang.Cli;

/// <summary>
/// Replaces a file's content all at once: write a temporary file beside it, flush it to disk, then rename it over
/// the original (keeping its permissions, when there is one). A crash or a full disk leaves the original untouched,
/// never half-written.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text, bool utf8Bom)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(utf8Bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original is intact; a stray temporary file is the lesser harm.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
