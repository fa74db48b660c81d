using System.Diagnostics;
using System.Text;

namespace VirtLang.Cli.Tests;

/// <summary>
/// <c>vdl sweep</c> on a terminal: its progress bar (replications done and the time left) shows on a pseudo-terminal
/// made by util-linux's <c>script</c>, and Ctrl-C ends it with a newline; on a pipe nothing shows
/// (<see cref="SweepEndToEndTests"/>). Where there is no <c>script</c> (Windows) the test returns early.
/// </summary>
public sealed class SweepTerminalTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-sweep-terminal-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public async Task The_progress_bar_counts_replications_and_ctrl_c_ends_its_line()
    {
        const string Script = "/usr/bin/script";
        if (OperatingSystem.IsWindows() || !File.Exists(Script))
        {
            return;
        }

        var datacenter = Path.Combine(RepositoryPaths.Examples, "datacenter.vdl");
        var vdl = Path.Combine(AppContext.BaseDirectory, "vdl.dll");
        var info = new ProcessStartInfo(Script)
        {
            WorkingDirectory = _temporary.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-qefc", $"exec '{ChildProcess.Dotnet}' '{vdl}' sweep '{datacenter}' --runs 1000000", "/dev/null" },
        };
        info.Environment["VDL_CACHE_DIR"] = Path.Combine(_temporary.Path, ".vdl-cache");
        using var script = Process.Start(info)!;
        var output = new StringBuilder();
        var reading = Task.Run(() =>
        {
            var buffer = new char[4096];
            int n;
            while ((n = script.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, n);
                }
            }
        });

        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!Text().Contains("of 1,000,000 replications, about", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline && !script.HasExited, $"no progress bar on the terminal:\n{Text()}");
                await Task.Delay(100);
            }

            var child = File.ReadAllText($"/proc/{script.Id}/task/{script.Id}/children").Trim();
            using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", child }, UseShellExecute = false })!)
            {
                await kill.WaitForExitAsync();
            }

            Assert.True(script.WaitForExit(TimeSpan.FromMinutes(1)), $"vdl did not stop on Ctrl-C:\n{Text()}");
            await reading.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }
        }

        var text = Text();
        Assert.Matches(@"\[[#.]{30}\] [\d,]+ of 1,000,000 replications, about \d+s left", text);
        var last = text.LastIndexOf("replications, about", StringComparison.Ordinal);
        Assert.Matches(@"^replications, about \d+s left\r?\n$", text[last..]);
        Assert.Equal(130, script.ExitCode);

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
