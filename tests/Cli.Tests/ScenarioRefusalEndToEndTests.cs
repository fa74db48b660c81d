using System.Diagnostics;

namespace VirtLang.Cli.Tests;

/// <summary>
/// Issue 16: <c>check</c> and <c>run</c> agree. What the simulator would refuse in a scenario or a trace file is an
/// error with a code before anything runs (exit 1, never an internal error, exit 3, or a hang), and the documented
/// <c>scale APP FACTOR for DURATION</c> runs as written.
/// </summary>
public sealed class ScenarioRefusalEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-scenario-");

    private string WorkingDirectory => _temporary.Path;

    public void Dispose() => _temporary.Dispose();

    private void Write(string scenario, string profile = "constant(50%)") =>
        File.WriteAllText(Path.Combine(WorkingDirectory, "m.vdl"), $$"""
            os solaris {
              family = solaris
            }
            hardware box {
              cpu {
                cores    = 8
                features = [vtx, ept]
              }
              memory = 64GiB
            }
            app shop {
              demand {
                cpu     = 1
                memory  = 1GiB
                profile = {{profile}}
              }
            }
            host zones : box {
              os = solaris
              hypervisor {
                kind = os_level
              }
              container pool {
                runs  = [shop]
                count = 2
              }
            }
            scenario day {
            {{scenario}}
            }
            """);

    [Theory]
    [InlineData("  duration = 1d\n  at 1h scale shop 0%", "error[VDL1030]")]
    [InlineData("  duration = 1d\n  at 1d..0d scale shop 200%", "error[VDL1031]")]
    [InlineData("  duration = 1d\n  at 1h fail zones for 0s", "error[VDL1032]")]
    [InlineData("  duration = 1d\n  step = 0s", "error[VDL1032]")]
    [InlineData("  duration = 36500d\n  step = 1ms", "error[VDL1036]")]
    [InlineData("  duration = 1d\n  at 1h fail zones for 4294967296h", "error[VDL1033]")]
    [InlineData("  duration = 1h\n  step = 2d", "error[VDL1035]")]
    public void WhatTheSimulatorWouldRefuseIsAnErrorOfTheCheckAndRunSimulatesNothing(string scenario, string error)
    {
        Write(scenario);
        var check = VdlProcess.Run(WorkingDirectory, "check", "m.vdl");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(error, check.Output, StringComparison.Ordinal);

        var run = VdlProcess.Run(WorkingDirectory, "run", "m.vdl");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(error, run.Output, StringComparison.Ordinal);
        Assert.Contains("nothing was simulated", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventAfterTheEndIsAWarningAndTheRunGoesOn()
    {
        Write("  duration = 1d\n  at 2d crash pool-1");
        var run = VdlProcess.Run(WorkingDirectory, "run", "m.vdl");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 warning", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleForADurationRunsAsDocumented()
    {
        Write("  duration = 1d\n  at 1h scale shop 200% for 2h");
        var run = VdlProcess.Run(WorkingDirectory, "run", "m.vdl");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\n3h +scale-end +shop", run.Output);
    }

    [Fact]
    public void ABadTraceFileIsACheckErrorNotAnInternalError()
    {
        File.WriteAllText(Path.Combine(WorkingDirectory, "load.csv"), "time,level\n0m,10%\n1h,lots\n");
        Write("  duration = 1d", "trace(\"load.csv\")");
        var run = VdlProcess.Run(WorkingDirectory, "run", "m.vdl");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error[VDL1038]", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 3, column 4", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TypeInitializationException", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoAsTraceIsRefusedWithoutWaitingForAWriter()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(WorkingDirectory, "load.csv")]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        Write("  duration = 1d", "trace(\"load.csv\")");
        var check = VdlProcess.Run(WorkingDirectory, "check", "m.vdl");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error[VDL1037]", check.Output, StringComparison.Ordinal);
        Assert.Contains("FIFO", check.Output, StringComparison.Ordinal);
    }
}
