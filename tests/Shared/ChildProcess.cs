using System.Diagnostics;

namespace VirtLang.Tests.Shared;

/// <summary>Runs a program to its end with its input closed and both outputs captured; a hang past the timeout kills it and fails.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}{Error}";
    }

    /// <param name="configure">Changes to the start info (environment, arguments before <paramref name="args"/>).</param>
    public static Result Run(string fileName, string workingDirectory, IEnumerable<string> args, Action<ProcessStartInfo>? configure = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        configure?.Invoke(info);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish: {error.Result}");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The dotnet that runs these tests (DOTNET_HOST_PATH when the test host sets it).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
