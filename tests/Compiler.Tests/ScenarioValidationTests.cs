using System.Diagnostics;
using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Lowering;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Issue 16, "check and run agree": everything the simulator refuses in a scenario, or in a trace file, is a checker
/// diagnostic at the place it is written (VDL0022–VDL0023, VDL1030–VDL1039), and what checks clean runs. Each case
/// here once checked clean and then failed the run (or aborted, hung, or ran something else than written).
/// </summary>
public sealed class ScenarioValidationTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new("vdl-scenarios-");

    public void Dispose() => _folder.Dispose();

    /// <summary>examples/hosted.vdl without its scenario: apps build-farm and test-db, host dev-box, VMs builder and database.</summary>
    internal static string Topology(string profile = "constant(60%)")
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl"));
        text = text[..text.IndexOf("scenario workday", StringComparison.Ordinal)];
        return text.Replace("profile = constant(60%)", $"profile = {profile}", StringComparison.Ordinal);
    }

    private ModelCompilation Check(string scenarioBody, string profile = "constant(60%)", string name = "m.vdl")
    {
        var path = _folder.Write(name, Topology(profile) + "scenario s {\n" + scenarioBody + "\n}\n");
        return ModelCompilation.FromFiles([path]);
    }

    private static List<string> Codes(ModelCompilation compilation) =>
        [.. compilation.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Code)];

    [Theory]
    [InlineData("duration = 1d\n  at 1h scale build-farm 0%", "VDL1030")]
    [InlineData("duration = 1d\n  at 1h scale build-farm 100001%", "VDL1030")]
    [InlineData("duration = 7d\n  at 3d..2d scale build-farm 200%", "VDL1031")]
    [InlineData("duration = 7d\n  at 2d..2d scale build-farm 200%", "VDL1031")]
    [InlineData("duration = 7d\n  at 1s..1.0000001s scale build-farm 200%", "VDL1031")] // the same microsecond
    [InlineData("duration = 7d\n  at 2d..1d fail dev-box", "VDL1031")]
    [InlineData("duration = 1d\n  at 1h fail dev-box for 0s", "VDL1032")]
    [InlineData("duration = 1d\n  at 1h fail dev-box for 0.0001ms", "VDL1032")] // rounds to no tick
    [InlineData("duration = 1d\n  at 1h scale build-farm 200% for 0s", "VDL1032")]
    [InlineData("duration = 1d\n  step = 0s", "VDL1032")]
    [InlineData("duration = 0s", "VDL1032")]
    [InlineData("duration = 1d\n  at 1h fail dev-box for 4294967296h", "VDL1033")]
    [InlineData("duration = 1000000000000000000000000000000d", "VDL0015")] // past what a number literal holds: the literal itself is refused
    [InlineData("duration = 9_000_000_000_000_000d", "VDL1033")] // a literal that holds, a time that does not
    [InlineData("duration = 36501d\n  step = 1h", "VDL1033")]
    [InlineData("duration = 1d\n  at 36501d crash database", "VDL1033")]
    [InlineData("duration = 1d\n  at 1d crash database", "VDL1034")]
    [InlineData("duration = 1d\n  at 2d..3d scale build-farm 200%", "VDL1034")]
    [InlineData("duration = 1h\n  step = 2d", "VDL1035")]
    [InlineData("duration = 30s", "VDL1035")] // the default step is a minute
    [InlineData("duration = 36500d\n  step = 1ms", "VDL1036")]
    [InlineData("duration = 7d\n  step = 60ms", "VDL1036")]
    [InlineData("duration = 1d\n  at 1h..3h scale build-farm 200% for 2h", "VDL0022")]
    [InlineData("duration = 1d\n  at 1h..3h fail dev-box for 2h", "VDL0022")]
    [InlineData("duration = 1d\n  at 1h crash database for 1h", "VDL0023")]
    [InlineData("duration = 1d\n  at 1h..2h crash database", "VDL0023")]
    [InlineData("duration = 1d\n  at 1h..2h migrate database to dev-box", "VDL0023")]
    [InlineData("duration = 1d\n  at 1h patch database \"2024.06\" for 1h", "VDL0023")]
    public void WhatTheSimulatorRefusesIsReportedByTheChecker(string body, string code)
    {
        Assert.Equal([code], Codes(Check(body)));
    }

    [Fact]
    public void HostsTimesStepsAreBoundedByTheCheckerAndTheSimulatorAlike()
    {
        // 2,000 hosts over a year of minutes: 1,051,200,000 host-steps, where each step alone is within VDL1036.
        var compilation = ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, "broken", "VDL1039.vdl")]);
        var reported = Assert.Single(compilation.Diagnostics, d => d.Code == "VDL1039");
        Assert.Contains("1,051,200,000 host-steps", reported.Message, StringComparison.Ordinal);
        Assert.Contains("at least 4m13s", reported.Message, StringComparison.Ordinal);

        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var refused = Assert.Throws<SimulationSetupException>(() => Simulator.Run(lowered.Topology, lowered.Scenarios[0]));
        Assert.Contains("host-steps", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duration = 1d\n  at 1h scale build-farm 1%")]
    [InlineData("duration = 1d\n  at 1h scale build-farm 100000%")]
    [InlineData("duration = 1d\n  at 1h scale build-farm 200% for 2h")]
    [InlineData("duration = 1d\n  at 1h..3h fail dev-box")]
    [InlineData("duration = 1d\n  at 0 fail dev-box for 1ms")]
    [InlineData("duration = 1d\n  at 23h59m crash database")]
    [InlineData("duration = 1d\n  at 23h scale build-farm 200% for 36500d")] // lasting past the end is fine
    [InlineData("duration = 1h\n  step = 1h")]
    [InlineData("duration = 7d\n  step = 61ms")]
    [InlineData("duration = 36500d\n  step = 6m")]
    public void NearMissesCheckCleanAndRun(string body)
    {
        var compilation = Check(body);
        Assert.Equal([], Codes(compilation));
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var scenario = lowered.Scenarios[0];
        ScenarioRuns.RunOrStart(lowered.Topology, scenario, fullRunSteps: 50_000);
    }

    [Fact]
    public void ScaleForADurationLastsThatLongFromItsStartAndFailWithARangeIsRepairedAtItsEnd()
    {
        var compilation = Check("duration = 1d\n  at 1h scale build-farm 200% for 2h\n  at 5h..7h fail dev-box");
        Assert.False(compilation.HasErrors);
        var events = ModelLowering.Lower(compilation.SemanticModel).Scenarios[0].Events;
        var scale = Assert.IsType<ScaleEvent>(events[0]);
        Assert.Equal((SimTime.TicksPerHour, 3 * SimTime.TicksPerHour), (scale.At, scale.Until!.Value));
        var fail = Assert.IsType<FailEvent>(events[1]);
        Assert.Equal((5 * SimTime.TicksPerHour, 2 * SimTime.TicksPerHour), (fail.At, fail.RepairAfter!.Value));

        var log = Simulator.Run(ModelLowering.Lower(compilation.SemanticModel).Topology, ModelLowering.Lower(compilation.SemanticModel).Scenarios[0]).Events;
        Assert.Contains(log, e => e.Kind == "scale-end" && e.Time == 3 * SimTime.TicksPerHour);
        Assert.Contains(log, e => e.Kind == "repair" && e.Time == 7 * SimTime.TicksPerHour);
    }

    [Fact]
    public void TheDiagnosticsPointAtWhatIsWrong()
    {
        var compilation = Check("duration = 7d\n  at 3d..2d scale build-farm 0% for 0s");
        var text = compilation.Files[0].Tree.Text;
        string At(string code) => text.ToString(compilation.Diagnostics.Single(d => d.Code == code).Location.Span);
        Assert.Equal("for 0s", At("VDL0022"));

        compilation = Check("duration = 7d\n  at 3d..2d scale build-farm 0%\n  at 1h fail dev-box for 0s\n  at 8d crash database");
        text = compilation.Files[0].Tree.Text;
        Assert.Equal("3d..2d", At("VDL1031"));
        Assert.Equal("0%", At("VDL1030"));
        Assert.Equal("0s", At("VDL1032"));
        Assert.Equal("8d", At("VDL1034"));
        Assert.Equal(DiagnosticSeverity.Warning, compilation.Diagnostics.Single(d => d.Code == "VDL1034").Severity);
    }

    [Fact]
    public void TooManyStepsSaysTheSmallestStepThatFits()
    {
        var message = Check("duration = 36500d\n  step = 1ms").Diagnostics.Single().Message;
        Assert.Contains("3,153,600,000,000 steps", message, StringComparison.Ordinal);
        Assert.Contains("at least 5m16s", message, StringComparison.Ordinal);
        Assert.Equal([], Codes(Check("duration = 36500d\n  step = 5m16s")));
    }

    // ---- trace files ----------------------------------------------------------------------------------------

    [Fact]
    public void AGoodTraceIsReadAtCheckTimeAndItsPeakIsTheChecksOwn()
    {
        _folder.Write("load.csv", "time,level\n0m,10%\n30m,50%\n1h,20%\n");
        var compilation = Check("duration = 1d", "trace(\"load.csv\")");
        Assert.Equal([], Codes(compilation));
        var app = compilation.SemanticModel.Applications.Single(a => a.Name == "build-farm");
        Assert.IsType<TraceProfile>(app.RuntimeProfile);
        Assert.Equal(0.5, app.ProfilePeak, 6);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        Simulator.Run(lowered.Topology, lowered.Scenarios[0]);
    }

    [Fact]
    public void AMissingTraceIsVDL1037AtTheFileName()
    {
        var compilation = Check("duration = 1d", "trace(\"nowhere.csv\")");
        var diagnostic = Assert.Single(compilation.Diagnostics, d => d.IsError);
        Assert.Equal("VDL1037", diagnostic.Code);
        Assert.Equal("\"nowhere.csv\"", compilation.Files[0].Tree.Text.ToString(diagnostic.Location.Span));
        Assert.Contains("no such file", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedTraceIsVDL1038WithItsLineAndColumn()
    {
        _folder.Write("bad.csv", "time,level\n0m,10%\n30m,lots\n");
        var diagnostic = Assert.Single(Check("duration = 1d", "trace(\"bad.csv\")").Diagnostics, d => d.IsError);
        Assert.Equal("VDL1038", diagnostic.Code);
        Assert.Contains("line 3, column 5", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no data lines")]
    [InlineData("time,level\n", "no data lines")]
    [InlineData("0m,10%\n0m,20%\n", "not after the previous")]
    [InlineData("0m,NaN\n", "not a level")]
    [InlineData("0m;10%\n", "a comma")]
    public void EveryMalformedTraceIsACheckerError(string content, string problem)
    {
        _folder.Write("t.csv", content);
        var diagnostic = Assert.Single(Check("duration = 1d", "trace(\"t.csv\")").Diagnostics, d => d.IsError);
        Assert.Equal("VDL1038", diagnostic.Code);
        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryIsNotATrace()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "traces"));
        var diagnostic = Assert.Single(Check("duration = 1d", "trace(\"traces\")").Diagnostics, d => d.IsError);
        Assert.Equal("VDL1037", diagnostic.Code);
        Assert.Contains("directory", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATraceOverTheSizeLimitIsRefusedWithoutReadingIt()
    {
        using (var stream = File.Create(Path.Combine(_folder.Path, "huge.csv")))
        {
            stream.SetLength(TraceProfile.MaxFileBytes + 1); // sparse: nothing is written
        }

        var diagnostic = Assert.Single(Check("duration = 1d", "trace(\"huge.csv\")").Diagnostics, d => d.IsError);
        Assert.Equal("VDL1037", diagnostic.Code);
        Assert.Contains("more than the 16,777,216", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkToATraceIsFollowed()
    {
        _folder.Write("real.csv", "0m,10%\n1h,30%\n");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "link.csv"), "real.csv");
        Assert.Equal([], Codes(Check("duration = 1d", "trace(\"link.csv\")")));
    }

    [Fact]
    public async Task DevicesAndFifosAreRefusedWithoutOpeningThem()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no devices or FIFOs in a Windows file system
        }

        var device = Check("duration = 1d", "trace(\"/dev/zero\")").Diagnostics.Single(d => d.IsError);
        Assert.Equal("VDL1037", device.Code);
        Assert.Contains("character device", device.Message, StringComparison.Ordinal);

        File.CreateSymbolicLink(Path.Combine(_folder.Path, "zero.csv"), "/dev/zero");
        Assert.Contains("character device", Check("duration = 1d", "trace(\"zero.csv\")").Diagnostics.Single(d => d.IsError).Message, StringComparison.Ordinal);

        var fifo = Path.Combine(_folder.Path, "pipe.csv");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        // Opening a FIFO for reading blocks until a writer comes: the check must not even try.
        var check = Task.Run(() => Check("duration = 1d", "trace(\"pipe.csv\")"));
        var compilation = await check.WaitAsync(TimeSpan.FromSeconds(30)); // a TimeoutException if the check hung
        var diagnostic = compilation.Diagnostics.Single(d => d.IsError);
        Assert.Equal("VDL1037", diagnostic.Code);
        Assert.Contains("FIFO", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATraceThatBreaksAfterTheCheckIsATraceErrorAtRunTimeNotAnInternalError()
    {
        var trace = _folder.Write("load.csv", "0m,10%\n1h,30%\n");
        var compilation = Check("duration = 1d", "trace(\"load.csv\")", name: "broken-later.vdl");
        Assert.False(compilation.HasErrors);
        File.WriteAllText(trace, "0m,ten\n");
        using var cache = new TemporaryDirectory("vdl-cache-");
        var e = Assert.Throws<TraceFormatException>(() => ModelHost.Load(compilation, cache.Path));
        Assert.Equal(1, e.Line);
    }

    // ---- the simulator's own refusals, for scenarios built by hand ----------------------------------------

    [Fact]
    public void TheSimulatorRefusesTooManyStepsAndLongStepsInsteadOfRunningOutOfMemory()
    {
        var topology = ModelLowering.Lower(Check("duration = 1d").SemanticModel).Topology;
        Assert.Throws<SimulationSetupException>(() => Simulator.Run(topology, new ScenarioSpec { Duration = 36_500 * SimTime.TicksPerDay, Step = SimTime.TicksPerMillisecond }));
        Assert.Throws<SimulationSetupException>(() => Simulator.Run(topology, new ScenarioSpec { Duration = SimTime.TicksPerHour, Step = 2 * SimTime.TicksPerDay }));
        Assert.Throws<SimulationSetupException>(() => Simulator.Run(topology, new ScenarioSpec { Duration = long.MaxValue, Step = long.MaxValue / 2 }));
        Assert.Throws<SimulationSetupException>(() => Simulator.Run(topology, new ScenarioSpec { Events = [new ScaleEvent(0, "build-farm", 1e300)] }));
    }
}
