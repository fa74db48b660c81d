namespace VirtLang.Compiler.Sources;

/// <summary>
/// The .vdl files under folders, as tools look for them (<c>vdl fmt DIR</c>, the language server's workspace
/// questions): every subfolder but build output, packages and version control (<c>bin</c>, <c>obj</c>,
/// <c>node_modules</c>, dot-folders such as <c>.git</c>), in ordinal order of their full paths so that every run lists
/// them the same way. Folders that cannot be read are passed over. Skipped folders are never entered, each folder is
/// entered once by its canonical path (a link back up the tree, <c>node_modules/a -> ..</c>, ends the walk instead of
/// looping), a file reached by two paths is listed once, and a caller that must answer in time caps the folders and
/// files walked.
/// </summary>
public static class ModelFileSearch
{
    private static readonly string[] Skipped = ["bin", "obj", "node_modules"];

    public static IEnumerable<string> Under(string folder) => Under([folder], int.MaxValue, int.MaxValue);

    /// <summary>The files under <paramref name="roots"/>, at most <paramref name="maxFiles"/> of them from at most <paramref name="maxFolders"/> folders.</summary>
    public static List<string> Under(IEnumerable<string> roots, int maxFolders, int maxFiles)
    {
        var visitedFolders = new HashSet<string>(StringComparer.Ordinal);
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var pending = new Stack<string>(roots.Select(Path.GetFullPath).Reverse());
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 };
        while (pending.TryPop(out var directory) && visitedFolders.Count < maxFolders && found.Count < maxFiles)
        {
            if (CanonicalPath.Resolve(directory) is not { } canonicalFolder || !visitedFolders.Add(canonicalFolder))
            {
                continue; // a loop of links, or a folder already walked by another path
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(directory, "*", options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    if (!Skipped.Contains(name, StringComparer.Ordinal))
                    {
                        pending.Push(entry);
                    }
                }
                else if (found.Count < maxFiles && name.EndsWith(".vdl", StringComparison.Ordinal) && File.Exists(entry)
                    && CanonicalPath.Resolve(entry) is { } file && seenFiles.Add(file))
                {
                    found.Add(entry);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
