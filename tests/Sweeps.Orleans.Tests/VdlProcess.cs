using System.Diagnostics;
using System.Text;

namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>The real vdl (vdl.dll beside the tests) as a separate process: run to its end, or started and left running (a worker).</summary>
internal sealed class VdlProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly TaskCompletionSource<bool> joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private VdlProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    /// <summary>Runs vdl to its end (3 minutes at most) with its compiled models cached in <paramref name="cache"/>.</summary>
    public static ChildProcess.Result Run(string folder, string cache, params string[] args) =>
        ChildProcess.Run(ChildProcess.Dotnet, folder, [Path.Combine(AppContext.BaseDirectory, "vdl.dll"), .. args],
            info => info.Environment["VDL_CACHE_DIR"] = cache);

    /// <summary>Starts <c>vdl worker</c> and waits for its "joined" line (a minute at most).</summary>
    public static async Task<VdlProcess> StartWorkerAsync(string folder, string cache, params string[] args)
    {
        var info = new ProcessStartInfo(ChildProcess.Dotnet)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["VDL_CACHE_DIR"] = cache;
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "vdl.dll"), "worker" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        var started = new VdlProcess(Process.Start(info)!);
        started.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                started.joined.TrySetResult(false);
                return;
            }

            lock (started.output)
            {
                started.output.AppendLine(e.Data);
            }

            if (e.Data.Contains("joined the sweep cluster", StringComparison.Ordinal))
            {
                started.joined.TrySetResult(true);
            }
        };
        started.process.ErrorDataReceived += (_, e) =>
        {
            lock (started.error)
            {
                started.error.AppendLine(e.Data);
            }
        };
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        var joinedInTime = await started.joined.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(joinedInTime, $"the worker did not join: {started.Output}{started.Error}");
        return started;
    }

    /// <summary>Dies at once, as a machine that fails would (SIGKILL).</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>Asks to leave (SIGTERM, as a service manager stops it) and waits for the exit code.</summary>
    public int Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException("the worker did not leave within a minute of SIGTERM");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
