using VirtLang.Compiler.Diagnostics;

namespace VirtLang.Import.Sources;

/// <summary>The files an import reads: each named file, and a folder's files with the given extension, in ordinal order.</summary>
public static class ImportFileList
{
    public static List<string> Expand(IEnumerable<string> paths, string extension, List<ImportProblem> problems)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            var below = Directory.EnumerateFiles(path, "*" + extension, new EnumerationOptions { RecurseSubdirectories = false, MatchCasing = MatchCasing.CaseInsensitive })
                .Order(StringComparer.Ordinal)
                .Take(ImportLimits.MaxFiles + 1)
                .ToList();
            if (below.Count == 0)
            {
                problems.Add(ImportProblem.Of(path, 1, 1, ImportDiagnostics.NothingToImport, $"no {extension} file in the folder"));
            }

            files.AddRange(below);
        }

        if (files.Count > ImportLimits.MaxFiles)
        {
            problems.Add(ImportProblem.Of(paths.First(), 1, 1, ImportDiagnostics.OverALimit, "the import names more files", $"{ImportLimits.MaxFiles:N0} files"));
            return [];
        }

        return files;
    }
}
