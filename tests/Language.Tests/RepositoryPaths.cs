namespace VirtLang.Language.Tests;

/// <summary>Finds the repository from the test's output folder, so tests read (and update) files in the source tree.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Baselines => Path.Combine(Root, "tests", "Language.Tests", "Baselines");

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VirtLang.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("VirtLang.sln not found above " + AppContext.BaseDirectory);
    }
}
