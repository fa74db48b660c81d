namespace VirtLang.MSBuildTasks.Tests;

/// <summary>
/// Runs the real <c>dotnet</c> (pack, build, test, clean) in a folder, with what this test host inherited from its
/// own build (MSBuild variables, a redirected package folder) taken out, and no MSBuild node left behind.
/// </summary>
internal static class DotnetProcess
{
    /// <summary>The run, its two outputs in one (MSBuild and NuGet split their messages between them).</summary>
    public static ChildProcess.Result Run(string workingDirectory, params string[] args) =>
        ChildProcess.Run(ChildProcess.Dotnet, workingDirectory, args, info =>
        {
            foreach (var name in info.Environment.Keys.ToList())
            {
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name is "NUGET_PACKAGES" or "VSTEST_HOST_DEBUG" or "DOTNET_HOST_PATH")
                {
                    info.Environment.Remove(name);
                }
            }

            info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        }, TimeSpan.FromMinutes(5)) is var result ? result with { Output = result.Output + result.Error } : null!;
}
