using System.Text.RegularExpressions;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// The editor's own suites, from `dotnet test`: `npm run ci` in editors/vscode compiles the extension's client with
/// tsc, then runs the Node tests (the LSP session through vscode-languageserver-protocol against the built `vdl`,
/// and the grammar through vscode-textmate). Their TAP summary goes to artifacts/editor-tests.tap, which `.ci/run`
/// adds to its count. Needs `npm ci` in editors/vscode first (.ci/run does it and sets VDL_REQUIRE_EDITOR_TESTS=1,
/// so there a missing install fails instead of skipping).
/// </summary>
public sealed partial class EditorSuitesTests
{
    private static readonly string Extension = Path.Combine(RepositoryPaths.Root, "editors", "vscode");

    [EditorFact]
    public void TheExtensionCompilesAndItsNodeSuitesPass()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "src", "Cli", "bin", Configuration, "net10.0", "vdl.dll");
        var run = ChildProcess.Run("npm", Extension, ["run", "--silent", "ci"], info => info.Environment["VDL_DLL"] = dll, TimeSpan.FromMinutes(5));
        var tap = run.Output;

        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "editor-tests.tap"), tap);

        Assert.True(run.ExitCode == 0, $"npm run ci failed:\n{run}");
        var passed = int.Parse(Summary().Match(tap) is { Success: true } m ? m.Groups[1].Value : "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(passed >= 10, $"expected the Node suites to report their tests:\n{tap}");
        Assert.DoesNotMatch(@"(?m)^# fail [1-9]", tap);
    }

    private static string Configuration =>
        typeof(EditorSuitesTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Release";

    [GeneratedRegex(@"(?m)^# pass (\d+)")]
    private static partial Regex Summary();
}
