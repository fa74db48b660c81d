using System.Diagnostics;
using System.Text;

namespace VirtLang.Cli.Tests;

/// <summary>
/// What vdl does only on a terminal (issue 16): the run's progress line, which Ctrl-C must end with a newline so the
/// shell's prompt starts on a line of its own. util-linux's <c>script</c> gives vdl a pseudo-terminal; Ctrl-C is the
/// SIGINT a terminal sends its foreground process. Where there is no <c>script</c> (Windows) the test returns early.
/// </summary>
public sealed class TerminalSessionTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-terminal-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public async Task CtrlCEndsTheProgressLineWithANewline()
    {
        const string Script = "/usr/bin/script";
        if (OperatingSystem.IsWindows() || !File.Exists(Script))
        {
            return;
        }

        // A century of six-minute steps on examples/hosted.vdl's host: long enough to be interrupted mid-run.
        var hosted = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl"));
        _temporary.Write("long.vdl", hosted[..hosted.IndexOf("scenario workday", StringComparison.Ordinal)] + "scenario century {\n  duration = 36500d\n  step     = 6m\n}\n");
        var vdl = Path.Combine(AppContext.BaseDirectory, "vdl.dll");
        var info = new ProcessStartInfo(Script)
        {
            WorkingDirectory = _temporary.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-qefc", $"exec '{ChildProcess.Dotnet}' '{vdl}' run long.vdl", "/dev/null" },
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
            while (!Text().Contains("simulated, about", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline && !script.HasExited, $"no progress line on the terminal:\n{Text()}");
                await Task.Delay(100);
            }

            // exec made vdl the child of script: the process a terminal's Ctrl-C reaches.
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

        // The last thing on the terminal is the progress line, ended (the terminal writes a newline as \r\n).
        var text = Text();
        var last = text.LastIndexOf("simulated, about", StringComparison.Ordinal);
        Assert.Matches(@"^simulated, about \d+s left\r?\n$", text[last..]);
        Assert.Equal(130, script.ExitCode); // killed by SIGINT, as a shell reports it

        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
