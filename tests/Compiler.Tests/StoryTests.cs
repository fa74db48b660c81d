using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;

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
        Assert.InRange(App(result, "test-db").MeanSlowdown, 2.5, 3.2);
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
        var result = Run("containers.vdl");
        var patch = result.Events.Single(e => e.Kind == "patch");
        Assert.Contains("7 containers restart", patch.Detail, StringComparison.Ordinal);
        Assert.All(result.Applications, a => Assert.True(a.DowntimeMinutes > 0));
    }

    [Fact]
    public void AReplicaOnAnotherHostKeepsAnApplicationUpWhenAHostFails()
    {
        var result = Run("datacenter.vdl");
        Assert.Equal(120, result.Hosts.Single(h => h.Name == "esx-01").DowntimeMinutes, 6);
        Assert.Equal(1.0, App(result, "billing").Availability);
        Assert.True(result.Consolidation.Ratio > 1);
    }
}
