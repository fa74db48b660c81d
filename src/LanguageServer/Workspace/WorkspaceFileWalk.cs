using VirtLang.Compiler.Sources;

namespace VirtLang.LanguageServer.Workspace;

/// <summary>
/// The .vdl files under the workspace's folders, for the questions about the whole workspace (symbols, references,
/// rename), found by a walk that always ends: each real folder is visited once, by its canonical path (a link such
/// as <c>a -> ..</c> leads back to a folder already seen), the folders tools skip (<c>bin</c>, <c>obj</c>,
/// <c>node_modules</c>, dot-folders) are pruned before descent, and the walk stops after
/// <see cref="MaxFolders"/> folders or <see cref="MaxFiles"/> files. The server holds its lock while it walks,
/// so the walk must be bounded; ModelFileSearch, which recurses without a visited set, is not used here.
/// </summary>
internal static class WorkspaceFileWalk
{
    /// <summary>Folders visited at most: a large repository's tree, with node_modules and build output left out.</summary>
    public const int MaxFolders = 20_000;

    /// <summary>.vdl files listed at most: each closed one may be compiled for a question, so more would not answer in time anyway.</summary>
    public const int MaxFiles = 5_000;

    private static readonly string[] Skipped = ["bin", "obj", "node_modules"];

    private static readonly EnumerationOptions OneFolder = new() { IgnoreInaccessible = true, RecurseSubdirectories = false };

    /// <summary>The files, full paths as reached from the roots, in ordinal order.</summary>
    public static List<string> Under(IEnumerable<string> roots)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        var pending = new Queue<string>(roots.Select(Path.GetFullPath));
        while (pending.Count > 0 && visited.Count < MaxFolders && files.Count < MaxFiles)
        {
            var folder = pending.Dequeue();
            if (CanonicalPath.Resolve(folder) is not { } canonical || !visited.Add(canonical))
            {
                continue; // a loop of links, or a folder already walked by another path
            }

            try
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*.vdl", OneFolder).Take(MaxFiles - files.Count));
                foreach (var child in Directory.EnumerateDirectories(folder, "*", OneFolder).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(child);
                    if (!name.StartsWith('.') && !Skipped.Contains(name, StringComparer.Ordinal))
                    {
                        pending.Enqueue(child);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone or unreadable since it was listed: passed over, as tools pass over folders they cannot read.
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
