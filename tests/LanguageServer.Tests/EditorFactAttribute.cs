namespace VirtLang.LanguageServer.Tests;

/// <summary>Runs when editors/vscode has its node_modules; skipped otherwise, unless VDL_REQUIRE_EDITOR_TESTS=1 (CI), where it runs and fails.</summary>
public sealed class EditorFactAttribute : FactAttribute
{
    public EditorFactAttribute()
    {
        var installed = Directory.Exists(Path.Combine(RepositoryPaths.Root, "editors", "vscode", "node_modules"));
        if (!installed && Environment.GetEnvironmentVariable("VDL_REQUIRE_EDITOR_TESTS") != "1")
        {
            Skip = "run `npm ci` in editors/vscode to include the editor's suites (.ci/run does)";
        }
    }
}
