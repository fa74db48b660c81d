using VirtLang.Compiler.Lowering;
using VirtLang.Planning;
using VirtLang.Runtime.Analysis;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.StoryReport;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// The examples tell the virtualization story in numbers; these hold the numbers to it (ranges and orderings, not
/// exact floats): idle single-application servers, cheap paravirtualization and containers, dear emulated I/O, the
/// widest blast radius for the shared kernel, replicas that keep an application up.
/// </summary>
public sealed class StoryTests
{
    private static SimulationResult Run(string example)
    {
        var compilation = ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, example)]);
        Assert.False(compilation.HasErrors);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        return Simulator.Run(lowered.Topology, lowered.Scenarios[0]);
    }

    private static ApplicationResult App(SimulationResult result, string name) => result.Applications.Single(a => a.Name == name);

    [Fact]
    public void OneApplicationPerServerIdlesInTheClassicBand()
    {
        var result = Run("one-app-per-server.vdl");
        Assert.All(result.Hosts, h => Assert.InRange(h.MeanUtilization, 0.08, 0.15));
        Assert.Equal(1.0, result.Consolidation.Ratio);
    }

    [Fact]
    public void HostedBinaryTranslationIsFarBehindOnIoHeavyWorkAndNearNativeOnCpuWork()
    {
        var result = Run("hosted.vdl");
        Assert.InRange(App(result, "test-db").MeanSlowdown, 3.0, 3.9); // SPEC WEB99: fewer than a third of native's clients
        Assert.InRange(App(result, "build-farm").MeanSlowdown, 1.0, 1.3);
    }

    [Fact]
    public void ParavirtualizationAndContainersCostAlmostNothing()
    {
        Assert.All(Run("paravirtual.vdl").Applications, a => Assert.InRange(a.MeanSlowdown, 1.0, 1.05));
        Assert.All(Run("containers.vdl").Applications, a => Assert.InRange(a.MeanSlowdown, 1.0, 1.01));
    }

    [Fact]
    public void AHostPatchReachesEveryContainerAtOnce()
    {
        // The shared kernel runs only after the host reboots: every container waits for the host's reboot.
        var result = Run("containers.vdl");
        var patch = result.Events.Single(e => e.Kind == "patch");
        Assert.Contains("shared kernel to", patch.Detail, StringComparison.Ordinal);
        Assert.Contains("host reboots with 7 containers", patch.Detail, StringComparison.Ordinal);
        Assert.All(result.Applications, a => Assert.True(a.DowntimeMinutes >= 5, a.Name));
    }

    [Fact]
    public void AReplicaOnAnotherHostKeepsAnApplicationUpWhenAHostFails()
    {
        var result = Run("datacenter.vdl");
        Assert.Equal(120, result.Hosts.Single(h => h.Name == "esx-01").DowntimeMinutes, 6);
        Assert.Equal(1.0, App(result, "billing").Availability);
        Assert.True(result.Consolidation.Ratio > 1);
    }

    [Fact]
    public void TheSharedKernelsCrashTakesEveryContainerWhereAGuestsCrashTakesOneVm()
    {
        var kernel = StoryDocument.RunScenario(RepositoryPaths.Root, "containers.vdl", "kernel-panic");
        Assert.Contains("takes every container (7 containers)", kernel.Events.Single(e => e.Kind == "crash").Detail, StringComparison.Ordinal);
        Assert.All(kernel.Applications, a => Assert.True(a.DowntimeMinutes >= 5, a.Name));

        var guest = StoryDocument.RunScenario(RepositoryPaths.Root, "paravirtual.vdl", "guest-crash");
        Assert.Contains("only this VM", guest.Events.Single(e => e.Kind == "crash").Detail, StringComparison.Ordinal);
        Assert.All(guest.Applications, a => Assert.Equal(0, a.DowntimeMinutes)); // web's other replicas carry it
        Assert.True(kernel.Applications.Sum(a => a.DowntimeMinutes) > guest.Applications.Sum(a => a.DowntimeMinutes));
    }

    [Fact]
    public void ExamplesReadmeIsWhatTheRunsProduce()
    {
        // Regenerate with `dotnet run --project tools/StoryReport` when an example or the simulator changes.
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "README.md")).ReplaceLineEndings("\n");
        Assert.Equal(committed, StoryDocument.Render(RepositoryPaths.Root));
    }

    private static LoweredModel OneAppPerServer() =>
        ModelLowering.Lower(ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, "one-app-per-server.vdl")]).SemanticModel);

    [Fact]
    public void PlannedUnderAnyKindTheSameApplicationsNeedAFractionOfTheServersAndTheEnergy()
    {
        // The side-by-side of examples/README.md: the example as written, then vdl plan --compare's plans, simulated.
        var outcomes = SideBySide.Consolidation(Path.Combine(RepositoryPaths.Examples, "one-app-per-server.vdl")).ToDictionary(o => o.Kind);
        var dedicated = outcomes[SideBySide.AsWritten];
        Assert.Equal(4, dedicated.Hosts);
        Assert.InRange(dedicated.MeanUtilization, 0.08, 0.15); // the classic band, emerging from the profiles
        Assert.Equal(["none", "os_level", "hosted", "bare_metal"], outcomes.Keys.Where(k => k != SideBySide.AsWritten));
        foreach (var (kind, outcome) in outcomes.Where(p => p.Key != SideBySide.AsWritten))
        {
            Assert.NotNull(outcome.Result);
            Assert.Equal(PlanStatus.Optimal, outcome.Plan!.Status);
            Assert.Equal(outcome.Plan.Hosts.Count, outcome.Result.Hosts.Count); // the run is of the placed model
            Assert.True(outcome.Hosts * 2 <= dedicated.Hosts, $"{kind} needs {outcome.Hosts} hosts");
            Assert.True(outcome.EnergyKilowattHours < dedicated.EnergyKilowattHours * 0.95, kind);
            Assert.True(outcome.MeanUtilization > dedicated.MeanUtilization * 3, kind);
            Assert.True(outcome.LeastServed >= 0.999, $"{kind} serves only {outcome.LeastServed:P3} of an application's demand");
        }

        // One userland (or one kernel's containers) packs all four on one host at native speed; the VM kinds pay the
        // cost model's CPU for traps and emulated I/O, most under the hosted kind, and need two.
        Assert.Equal(1, outcomes["none"].Hosts);
        Assert.Equal(1, outcomes["os_level"].Hosts);
        Assert.InRange(outcomes["os_level"].Slowdown, 1.0, 1.05);
        Assert.True(outcomes["hosted"].Hosts > outcomes["os_level"].Hosts);
        Assert.True(outcomes["bare_metal"].Slowdown > outcomes["os_level"].Slowdown);
        Assert.True(outcomes["hosted"].Slowdown > outcomes["bare_metal"].Slowdown);
        Assert.True(outcomes["os_level"].EnergyKilowattHours < outcomes["hosted"].EnergyKilowattHours);
    }

    [Fact]
    public void CpuBoundWorkRunsNearNativeEverywhereWhileIoHeavyWorkSortsThePlatforms()
    {
        var outcomes = SideBySide.CpuVersusIo(OneAppPerServer());
        Assert.All(outcomes, o => Assert.InRange(o.SlowdownOf(SideBySide.CpuBound), 1.0, 1.05));
        var io = outcomes.Select(o => o.SlowdownOf(SideBySide.IoHeavy)).ToList();

        // hosted BT > first VT-x > VT-x with EPT > paravirtual > containers (the order of Platform.Story, reversed).
        Assert.Equal(["hosted, binary translation", "bare-metal, first VT-x (no EPT)", "bare-metal, VT-x + EPT", "paravirtual (Xen)", "containers (os_level)"],
            outcomes.OrderByDescending(o => o.SlowdownOf(SideBySide.IoHeavy)).Select(o => o.Platform.Label));
        Assert.InRange(io.Max(), 3.0, 3.9);
        Assert.InRange(io.Min(), 1.0, 1.01);
    }
}
