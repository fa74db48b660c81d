using System.Security.Cryptography;
using System.Text;
using VirtLang.Compiler;
using VirtLang.Compiler.Configuration;
using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Profiles;

namespace VirtLang.Sweeps;

/// <summary>
/// A model as data: the text of every .vdl file it is made of (those named and those imported) and of every trace it
/// reads, under paths relative to the folder that holds them all. A worker with no access to the user's files compiles
/// exactly the same model from it, and <see cref="Hash"/> names it (the same files give the same bytes, hence the same
/// hash, on every machine).
/// </summary>
public sealed class ModelBundle
{
    /// <summary>Files in a bundle: the imports of a model have no bound of their own (docs/limits.md), but a bundle's reader needs one.</summary>
    public const int MaxFiles = 100_000;

    /// <summary>A path inside a bundle, in UTF-8 bytes.</summary>
    public const int MaxPathBytes = 4096;

    /// <summary>All the .vdl text of a bundle, in UTF-8 bytes: the 64 Mi characters a model may have (docs/limits.md), as bytes.</summary>
    public const long MaxModelBytes = SourceLimits.MaxModelCharacters;

    /// <summary>All the trace text of a bundle, in UTF-8 bytes: four traces at their own limit of 16 MiB.</summary>
    public const long MaxTraceBytes = 4 * TraceProfile.MaxFileBytes;

    private static ReadOnlySpan<byte> Magic => "VDLBNDL1"u8;

    private readonly Lazy<byte[]> _bytes;

    public ModelBundle(IReadOnlyList<ModelBundleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Files = [.. files];
        Validate(Files);
        _bytes = new Lazy<byte[]>(Encode);
    }

    public IReadOnlyList<ModelBundleFile> Files { get; }

    /// <summary>The SHA-256 of <see cref="ToBytes"/>, in lowercase hex.</summary>
    public string Hash => Convert.ToHexString(SHA256.HashData(_bytes.Value)).ToLowerInvariant();

    /// <summary>
    /// The model of the .vdl files at <paramref name="paths"/>: those files, what they import and the traces they read,
    /// relative to the deepest folder that holds them all. A file that cannot be read is left for the compilation to
    /// report (as <c>vdl check</c> would).
    /// </summary>
    /// <exception cref="ModelFileException">A file named is missing, a directory, too large or unreadable.</exception>
    /// <exception cref="SweepDataException">The model is past a bundle's bounds.</exception>
    public static ModelBundle FromFiles(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return FromCompilation(ModelCompilation.FromFiles(paths), paths);
    }

    /// <summary>
    /// The model <paramref name="compilation"/> read: its files (those at <paramref name="rootPaths"/>, as the
    /// compilation names them, are where compiling starts) and the traces its applications read. Relative paths are
    /// taken from the current folder, as the compilation took them.
    /// </summary>
    /// <exception cref="SweepDataException">The model is past a bundle's bounds.</exception>
    public static ModelBundle FromCompilation(ModelCompilation compilation, IEnumerable<string> rootPaths)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(rootPaths);
        var roots = rootPaths.Select(p => Path.GetFullPath(p)).ToHashSet(StringComparer.Ordinal);
        var found = new List<(string FullPath, string Text, ModelBundleFileKind Kind)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in compilation.Files)
        {
            var full = Path.GetFullPath(file.Path);
            if (seen.Add(full))
            {
                found.Add((full, file.Tree.Text.Text, roots.Contains(full) ? ModelBundleFileKind.Root : ModelBundleFileKind.Import));
            }
        }

        foreach (var trace in compilation.SemanticModel.Applications.Select(a => a.TraceFile).OfType<string>())
        {
            var full = Path.GetFullPath(trace);
            if (!seen.Add(full))
            {
                continue;
            }

            try
            {
                // Read as the runtime reads it (a regular file within its bound); one that cannot be read is not
                // bundled, and the compilation from the bundle reports it where the model names it.
                _ = TraceProfile.Load(full);
                found.Add((full, File.ReadAllText(full), ModelBundleFileKind.Trace));
            }
            catch (Exception e) when (e is TraceFormatException or IOException or UnauthorizedAccessException)
            {
            }
        }

        // The configuration nearest to each .vdl file, as the compilation applied it: without it a worker would check the
        // model with default severities and refuse (or accept) what `vdl check` accepted (or refused).
        // One search per folder: a model's files mostly share a few.
        foreach (var folder in found.Where(f => f.Kind != ModelBundleFileKind.Trace).Select(f => Path.GetDirectoryName(f.FullPath) ?? string.Empty).Distinct(StringComparer.Ordinal).ToList())
        {
            var nearest = ConfigurationReader.CandidatesFor(folder).FirstOrDefault(File.Exists);
            if (nearest is null || !seen.Add(nearest))
            {
                continue;
            }

            // Read as the compilation reads it (bounded, never a FIFO or a device); one that cannot be read is left out,
            // and the compilation where the user ran it has already reported it (VDL0050).
            if (SourceFileReader.TryRead(nearest, out var text, out _))
            {
                found.Add((nearest, text!.Text, ModelBundleFileKind.Configuration));
            }
        }

        var root = CommonFolder(found.Select(f => f.FullPath));
        try
        {
            // Roots first, then imports, traces and configurations, each in the compilation's order: the same model, the same bytes.
            return new ModelBundle([.. found.OrderBy(f => f.Kind).Select(f => new ModelBundleFile(Path.GetRelativePath(root, f.FullPath).Replace('\\', '/'), f.Text, f.Kind))]);
        }
        catch (ArgumentException e)
        {
            throw new SweepDataException($"the model cannot be bundled: {e.Message}", e);
        }
    }

    /// <summary>The bundle as bytes: a magic word, then each file's kind, path and text (UTF-8, lengths little-endian).</summary>
    public byte[] ToBytes() => (byte[])_bytes.Value.Clone();

    /// <summary>The bundle <see cref="ToBytes"/> wrote.</summary>
    /// <exception cref="SweepDataException">The bytes are not a bundle, or one past the bounds.</exception>
    public static ModelBundle FromBytes(ReadOnlySpan<byte> bytes)
    {
        var reader = new BoundedReader(bytes, "model bundle");
        reader.Expect(Magic);
        var count = reader.Count(MaxFiles, 9, "files");
        var files = new List<ModelBundleFile>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = reader.Byte();
            if (kind > (byte)ModelBundleFileKind.Configuration)
            {
                throw reader.Fail($"file {i + 1} is of an unknown kind {kind}");
            }

            var path = reader.String(MaxPathBytes, "a path");
            var limit = kind == (byte)ModelBundleFileKind.Trace ? TraceProfile.MaxFileBytes : SourceLimits.MaxFileBytes;
            var text = reader.String((int)limit, $"the file {path}");
            files.Add(new ModelBundleFile(path, text, (ModelBundleFileKind)kind));
        }

        reader.ExpectEnd();
        try
        {
            return new ModelBundle(files);
        }
        catch (ArgumentException e)
        {
            throw new SweepDataException($"not a valid model bundle: {e.Message}", e);
        }
    }

    private byte[] Encode()
    {
        using var stream = new MemoryStream();
        stream.Write(Magic);
        stream.WriteInt32(Files.Count);
        foreach (var file in Files)
        {
            stream.WriteByte((byte)file.Kind);
            stream.WriteString(file.Path);
            stream.WriteString(file.Text);
        }

        return stream.ToArray();
    }

    /// <summary>Relative, '/'-separated paths inside the bundle, each once, at least one root, within the bounds.</summary>
    private static void Validate(IReadOnlyList<ModelBundleFile> files)
    {
        if (files.Count > MaxFiles)
        {
            throw new ArgumentException($"{files.Count} files (at most {MaxFiles:N0})", nameof(files));
        }

        if (!files.Any(f => f.Kind == ModelBundleFileKind.Root))
        {
            throw new ArgumentException("no .vdl file to start from", nameof(files));
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        long model = 0, traces = 0;
        foreach (var file in files)
        {
            ArgumentNullException.ThrowIfNull(file);
            if (!IsInside(file.Path) || Encoding.UTF8.GetByteCount(file.Path) > MaxPathBytes)
            {
                throw new ArgumentException($"the path `{file.Path}` is not a relative path inside the bundle", nameof(files));
            }

            if (!paths.Add(file.Path))
            {
                throw new ArgumentException($"the path `{file.Path}` is there twice", nameof(files));
            }

            if (file.Kind == ModelBundleFileKind.Configuration && file.Path.Split('/')[^1] != ConfigurationReader.FileName)
            {
                throw new ArgumentException($"the configuration `{file.Path}` is not named {ConfigurationReader.FileName}", nameof(files));
            }

            var bytes = Encoding.UTF8.GetByteCount(file.Text);
            var isTrace = file.Kind == ModelBundleFileKind.Trace;
            if (bytes > (isTrace ? TraceProfile.MaxFileBytes : SourceLimits.MaxFileBytes))
            {
                throw new ArgumentException($"{file.Path} is larger than a file may be", nameof(files));
            }

            if (isTrace ? (traces += bytes) > MaxTraceBytes : (model += bytes) > MaxModelBytes)
            {
                throw new ArgumentException($"the {(isTrace ? "traces" : "model files")} are larger than a bundle may hold", nameof(files));
            }
        }
    }

    /// <summary>A non-empty relative path with no '..', no '.' and no empty segment: it cannot leave the folder it is written into.</summary>
    private static bool IsInside(string path) =>
        path.Length > 0 && !path.Contains('\\') && !path.Contains('\0') && !Path.IsPathRooted(path)
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    private static string CommonFolder(IEnumerable<string> fullPaths)
    {
        string? common = null;
        foreach (var path in fullPaths)
        {
            var folder = Path.GetDirectoryName(path) ?? path;
            if (common is null)
            {
                common = folder;
                continue;
            }

            while (!IsUnder(folder, common))
            {
                common = Path.GetDirectoryName(common) ?? common;
                if (Path.GetPathRoot(common) == common)
                {
                    break;
                }
            }
        }

        return common ?? Directory.GetCurrentDirectory();
    }

    private static bool IsUnder(string folder, string ancestor) =>
        folder == ancestor || folder.StartsWith(Path.EndsInDirectorySeparator(ancestor) ? ancestor : ancestor + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
