namespace VirtLang.Compiler.Sources;

/// <summary>
/// The .vdl files under a folder, as tools look for them: every subfolder but build output, packages and version
/// control (<c>bin</c>, <c>obj</c>, <c>node_modules</c>, dot-folders such as <c>.git</c>), in ordinal order of their
/// full paths so that every run lists them the same way. Folders that cannot be read are passed over. Skipped folders
/// are never entered, and each folder is entered once by its canonical path, so a symbolic link back up the tree
/// (<c>node_modules/a -> ..</c>) ends the walk instead of looping.
/// </summary>
public static class ModelFileSearch
{
    private static readonly string[] Skipped = ["bin", "obj", "node_modules"];

    public static IEnumerable<string> Under(string folder)
    {
        var root = Path.GetFullPath(folder);
        var visitedFolders = new HashSet<string>(StringComparer.Ordinal) { CanonicalPath.Resolve(root) ?? root };
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var pending = new Stack<string>([root]);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 };
        while (pending.TryPop(out var directory))
        {
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
                    if (!Skipped.Contains(name, StringComparer.Ordinal) && CanonicalPath.Resolve(entry) is { } canonical && visitedFolders.Add(canonical))
                    {
                        pending.Push(entry);
                    }
                }
                else if (name.EndsWith(".vdl", StringComparison.Ordinal) && File.Exists(entry) && CanonicalPath.Resolve(entry) is { } file && seenFiles.Add(file))
                {
                    found.Add(entry);
                }
            }
        }

        return found.Order(StringComparer.Ordinal);
    }
}
