using System.Diagnostics;

namespace VirtLang.Cli.Tests;

/// <summary>Runs the real `vdl` (the built vdl.dll beside the tests) as a separate process.</summary>
internal static class VdlProcess
{
    public static ChildProcess.Result Run(string workingDirectory, params string[] args) =>
        ChildProcess.Run(ChildProcess.Dotnet, workingDirectory, [Path.Combine(AppContext.BaseDirectory, "vdl.dll"), .. args],
            // Compiled models are cached per test folder, never in the user's own cache.
            info => info.Environment["VDL_CACHE_DIR"] = Path.Combine(workingDirectory, ".vdl-cache"));

    /// <summary>As <see cref="Run"/>, with <paramref name="input"/> on standard input and standard output kept as bytes.</summary>
    public static (int ExitCode, byte[] Output, string Error) RunWithInput(string workingDirectory, byte[] input, params string[] args)
    {
        var info = new ProcessStartInfo(ChildProcess.Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["VDL_CACHE_DIR"] = Path.Combine(workingDirectory, ".vdl-cache");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vdl.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"vdl {string.Join(' ', args)} did not finish");
        }

        reading.Wait();
        return (process.ExitCode, output.ToArray(), error.Result);
    }
}
