namespace VirtLang.Compiler.Sources;

/// <summary>
/// The .vdl files under a folder, as tools look for them: every subfolder but build output, packages and version
/// control (<c>bin</c>, <c>obj</c>, <c>node_modules</c>, dot-folders such as <c>.git</c>), in ordinal order of their
/// full paths so that every run lists them the same way. Folders that cannot be read are passed over.
/// </summary>
public static class ModelFileSearch
{
    private static readonly string[] Skipped = ["bin", "obj", "node_modules"];

    public static IEnumerable<string> Under(string folder)
    {
        var root = Path.GetFullPath(folder);
        return Directory.EnumerateFiles(root, "*.vdl", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(IsSkipped))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal);
    }

    private static bool IsSkipped(string folder) => folder.StartsWith('.') || Skipped.Contains(folder, StringComparer.Ordinal);
}
