namespace VirtLang.Tests.Shared;

/// <summary>
/// Finds the repository from a test's output folder, so tests read (and update) files of the source tree.
/// Linked into each test project that needs it (tests/Shared is not a project of its own).
/// </summary>
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
