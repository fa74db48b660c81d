namespace VirtLang.Compiler.Sources;

/// <summary>
/// A path with every symbolic link along it resolved (as realpath does), so that one file reached through links,
/// <c>..</c> or two spellings has one name: two links to <c>.</c> would otherwise make every import through them a
/// new file, and a model grows without end. A part that does not exist is kept as written.
/// </summary>
public static class CanonicalPath
{
    /// <summary>As many links as one path may pass through, as Linux allows (MAXSYMLINKS): more is a loop.</summary>
    public const int MaxLinks = 40;

    /// <summary>The canonical full path, or null when resolving it passes through more than <see cref="MaxLinks"/> links (a loop).</summary>
    /// <exception cref="ArgumentException">The path is not valid (empty, or with a NUL character).</exception>
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(Parts(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current; // the parent of the root is the root
                continue;
            }

            var next = Path.Join(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The target replaces the link: a relative one starts from the link's folder, an absolute one from its root.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
                target = target[current.Length..];
            }

            foreach (var targetPart in Parts(target).Reverse())
            {
                pending.Push(targetPart);
            }
        }

        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // cannot be asked: taken as it is written
        }
    }

    private static string[] Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
