using VirtLang.Runtime.Files;

namespace VirtLang.Compiler.Hosting;

/// <summary>
/// The folder of compiled model assemblies. An entry is <c>KEY.dll</c> and its <see cref="CacheSeal"/>
/// <c>KEY.sha256</c>, KEY being the SHA-256 of the model's files and the compiler and runtime builds. Everything read
/// from the folder is untrusted: an entry is returned only when its seal is for this key and matches the bytes, and
/// nothing but a bounded regular file is ever opened. Every failure (unreadable, foreign, truncated, unwritable) means
/// "not cached": the caller compiles and the entry is replaced. Writes go to a temporary file, flushed to disk, then
/// renamed, the assembly before its seal.
/// </summary>
internal sealed class ModelCache(string directory, int maxEntries = ModelCache.DefaultMaxEntries)
{
    /// <summary>Entries kept; beyond it the least recently used go when a new one is written (docs/limits.md).</summary>
    public const int DefaultMaxEntries = 64;

    /// <summary>No generated assembly comes near it (a thousand-host model's is a few MB); a larger file is not read.</summary>
    public const long MaxAssemblyBytes = 64L << 20;

    private const string AssemblyExtension = ".dll";
    private const string TemporaryExtension = ".tmp";

    /// <summary>A temporary file older than this was left by a writer that died; a live writer renames within seconds.</summary>
    private static readonly TimeSpan StaleTemporary = TimeSpan.FromHours(1);

    public string Folder { get; } = directory;

    public string AssemblyPath(string key) => Path.Combine(Folder, key + AssemblyExtension);

    public string SealPath(string key) => Path.Combine(Folder, key + CacheSeal.Extension);

    /// <summary>The assembly cached for <paramref name="key"/> when its entry verifies, else null.</summary>
    public byte[]? TryLoad(string key)
    {
        try
        {
            if (ReadBounded(SealPath(key), CacheSeal.MaxBytes) is not { } seal
                || CacheSeal.ExpectedLength(seal, key) is not { } length
                || length > MaxAssemblyBytes
                || ReadBounded(AssemblyPath(key), length) is not { } image
                || !CacheSeal.Verifies(seal, key, image))
            {
                return null;
            }

            // The seal's time is the entry's last use, for pruning; failing to set it costs nothing.
            TryTouch(SealPath(key));
            return image;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Best effort: a cache that cannot be written only costs the next run a compile.</summary>
    public void Store(string key, byte[] image)
    {
        try
        {
            CreateFolder();
            WriteDurably(AssemblyPath(key), image);
            WriteDurably(SealPath(key), System.Text.Encoding.ASCII.GetBytes(CacheSeal.Write(key, image)));
            Prune(key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Removes the least recently used entries beyond the bound, and temporary files writers left behind. Only names
    /// this cache writes are touched (a 64-digit key and its extensions): the folder may be one the user chose.
    /// </summary>
    private void Prune(string justWritten)
    {
        var entries = new List<(string Key, DateTime LastUsed)>();
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(TemporaryExtension, StringComparison.Ordinal) && name.Length > 64 && CacheSeal.IsLowerHex(name[..64], 64))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleTemporary)
                {
                    TryDelete(path);
                }
            }
            else if (name.EndsWith(AssemblyExtension, StringComparison.Ordinal) && Path.GetFileNameWithoutExtension(name) is var key
                && CacheSeal.IsLowerHex(key, 64) && key != justWritten)
            {
                var seal = SealPath(key);
                entries.Add((key, File.Exists(seal) ? File.GetLastWriteTimeUtc(seal) : DateTime.MinValue));
            }
        }

        // The entry just written counts, and stays.
        var excess = entries.Count + 1 - maxEntries;
        foreach (var (key, _) in entries.OrderBy(e => e.LastUsed).ThenBy(e => e.Key, StringComparer.Ordinal).Take(Math.Max(0, excess)))
        {
            // The seal first: an assembly without its seal never verifies, whatever happens between the two.
            TryDelete(SealPath(key));
            TryDelete(AssemblyPath(key));
        }
    }

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            // A folder the cache creates is the user's alone (0700); one that exists keeps its permissions.
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// The file's bytes when it is a regular file (not a link, FIFO or device, asked before opening) of 1 to
    /// <paramref name="max"/> bytes that still has the length it had when looked at; else null.
    /// </summary>
    private static byte[]? ReadBounded(string path, long max)
    {
        var info = new FileInfo(path);
        if (FileStatus.Of(path, followLinks: false).Kind != FileKind.Regular || info.Length <= 0 || info.Length > max)
        {
            return null;
        }

        var buffer = new byte[info.Length + 1];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return read == info.Length ? buffer[..read] : null;
    }

    private static void WriteDurably(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporaryExtension}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryTouch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
