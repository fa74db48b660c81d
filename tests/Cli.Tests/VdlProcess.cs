namespace VirtLang.Cli.Tests;

/// <summary>Runs the real `vdl` (the built vdl.dll beside the tests) as a separate process.</summary>
internal static class VdlProcess
{
    public static ChildProcess.Result Run(string workingDirectory, params string[] args) =>
        ChildProcess.Run(ChildProcess.Dotnet, workingDirectory, [Path.Combine(AppContext.BaseDirectory, "vdl.dll"), .. args],
            // Compiled models are cached per test folder, never in the user's own cache.
            info => info.Environment["VDL_CACHE_DIR"] = Path.Combine(workingDirectory, ".vdl-cache"));
}
