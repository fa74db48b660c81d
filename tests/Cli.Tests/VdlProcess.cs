using System.Diagnostics;

namespace VirtLang.Cli.Tests;

/// <summary>Runs the real `vdl` (the built vdl.dll beside the tests) as a separate process.</summary>
internal static class VdlProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vdl.dll"));

        // Compiled models are cached per test folder, never in the user's own cache.
        info.Environment["VDL_CACHE_DIR"] = Path.Combine(workingDirectory, ".vdl-cache");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("vdl " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
