using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Files;

namespace VirtLang.Cli.Files;

/// <summary>
/// The files of a model (those named and those imported), to refuse an output path that is one of them: the same file
/// by its canonical path (through symbolic links) or by its device and inode (through a hard link too, where the system
/// says them).
/// </summary>
internal sealed class ModelFileSet
{
    private readonly Dictionary<(ulong, ulong), string> _byIdentity = [];
    private readonly Dictionary<string, string> _byCanonicalPath = new(StringComparer.Ordinal);

    public ModelFileSet(IEnumerable<string> paths)
    {
        foreach (var path in paths.Where(p => p.Length > 0 && p != StandardStreamPath.InputName))
        {
            if (FileStatus.Of(path).Identity is { } identity)
            {
                _byIdentity.TryAdd(identity, path);
            }

            if (CanonicalPath.Resolve(path) is { } canonical)
            {
                _byCanonicalPath.TryAdd(canonical, path);
            }
        }
    }

    /// <summary>The model file that <paramref name="output"/> would overwrite, or null when it is none of them.</summary>
    public string? Find(string output)
    {
        if (StandardStreamPath.Is(output))
        {
            return null;
        }

        if (FileStatus.Of(output).Identity is { } identity && _byIdentity.TryGetValue(identity, out var same))
        {
            return same;
        }

        return CanonicalPath.Resolve(output) is { } canonical ? _byCanonicalPath.GetValueOrDefault(canonical) : null;
    }
}
