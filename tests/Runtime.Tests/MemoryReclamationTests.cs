using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// Memory under pressure, through whole runs: VMs hold their configured memory but only their applications and OS
/// footprint (512 MiB) are active; the host takes back shared pages first, then idle memory by ballooning (penalty
/// 0.05 per ballooned fraction), and swaps only what is left (penalty 10 per swapped fraction). No hypervisor
/// overhead here (<see cref="Stacks.Free"/>), so the numbers are by hand.
/// </summary>
public sealed class MemoryReclamationTests
{
    private static readonly OperatingSystemSpec Rhel = new("rhel8", "linux", "8.6");
    private static readonly OperatingSystemSpec Windows = new("win2019", "windows", "10.0");

    private static HypervisorSpec Esxi(bool? ballooning = null, bool pageSharing = false) =>
        Free(HypervisorKind.BareMetal) with { Ballooning = ballooning, PageSharing = pageSharing };

    private static VirtualMachineSpec Vm12(string name, long appMemory, OperatingSystemSpec? os = null) =>
        new() { Name = name, Vcpus = 1, MemoryBytes = 12 * GiB, Os = os, Runs = [App(name + "-app", 0.5, memory: appMemory)] };

    private static SimulationResultOf Run(long hostMemory, HypervisorSpec hypervisor, params VirtualMachineSpec[] vms)
    {
        var result = Simulator.Run(One(Host("h", 8, hypervisor, vms, memory: hostMemory)), Day(), Isolated);
        return new(result.Hosts[0], result.Applications.Select(a => a.MeanSlowdown).ToList());
    }

    private static Topology One(HostSpec host) => new() { Hosts = [host] };

    [Fact]
    public void Without_pressure_nothing_is_reclaimed()
    {
        var run = Run(32 * GiB, Esxi(), Vm12("a", 2 * GiB), Vm12("b", 2 * GiB));
        Assert.Equal((0L, 0L, 0L), (run.Host.SharedBytes, run.Host.BalloonedBytes, run.Host.SwappedBytes));
        Assert.Equal(5 * GiB, run.Host.ActiveBytes); // 2 x (2 GiB + 512 MiB)
        Assert.Equal(24 * GiB, run.Host.MaxMemoryUsedBytes); // configured memory is consumed when there is room
        Assert.All(run.Slowdowns, s => Assert.Equal(1, s, 9));
    }

    [Fact]
    public void Under_pressure_idle_memory_is_ballooned_before_anything_is_swapped()
    {
        // 24 GiB configured on 16 GiB: 8 GiB to take back, 19 GiB of it idle: all ballooned, a third of each VM.
        var run = Run(16 * GiB, Esxi(), Vm12("a", 2 * GiB), Vm12("b", 2 * GiB));
        Assert.Equal((8 * GiB, 0L), (run.Host.BalloonedBytes, run.Host.SwappedBytes));
        Assert.All(run.Slowdowns, s => Assert.Equal(1 + (0.05 / 3), s, 9));
    }

    [Fact]
    public void Active_memory_swaps_only_once_idle_memory_is_gone()
    {
        // Active 2 x 10 GiB: 4 GiB idle is ballooned, the other 4 GiB comes from active memory (a fifth of it).
        var run = Run(16 * GiB, Esxi(), Vm12("a", (long)(9.5 * GiB)), Vm12("b", (long)(9.5 * GiB)));
        Assert.Equal((4 * GiB, 4 * GiB), (run.Host.BalloonedBytes, run.Host.SwappedBytes));
        Assert.All(run.Slowdowns, s => Assert.Equal((1 + (0.05 * 2 / 12)) * (1 + (10 * 0.2)), s, 9));
    }

    [Fact]
    public void Without_ballooning_the_host_swaps_idle_and_active_pages_alike()
    {
        // The same light load as above, but nothing balloons: 8 GiB of 24 swapped, a third of each guest's pages.
        var run = Run(16 * GiB, Esxi(ballooning: false), Vm12("a", 2 * GiB), Vm12("b", 2 * GiB));
        Assert.Equal((0L, 8 * GiB), (run.Host.BalloonedBytes, run.Host.SwappedBytes));
        Assert.All(run.Slowdowns, s => Assert.Equal(1 + (10.0 / 3), s, 9));
    }

    [Fact]
    public void Page_sharing_relieves_pressure_only_between_guests_of_the_same_os_image()
    {
        // Four 12 GiB VMs on 46 GiB: 2 GiB to take back. Same image: half of three extra footprints, 768 MiB, is
        // shared first; the rest is ballooned. Two images of two: half of one extra footprint in each, 512 MiB.
        var same = Run(46 * GiB, Esxi(pageSharing: true), Vm12("a", GiB, Rhel), Vm12("b", GiB, Rhel), Vm12("c", GiB, Rhel), Vm12("d", GiB, Rhel));
        Assert.Equal(768L << 20, same.Host.SharedBytes);
        Assert.Equal((2 * GiB) - (768L << 20), same.Host.BalloonedBytes);

        var mixed = Run(46 * GiB, Esxi(pageSharing: true), Vm12("a", GiB, Rhel), Vm12("b", GiB, Rhel), Vm12("c", GiB, Windows), Vm12("d", GiB, Windows));
        Assert.Equal(512L << 20, mixed.Host.SharedBytes);

        var unique = Run(46 * GiB, Esxi(pageSharing: true), Vm12("a", GiB, Rhel), Vm12("b", GiB, Windows), Vm12("c", GiB), Vm12("d", GiB));
        Assert.Equal(0, unique.Host.SharedBytes);
        Assert.Equal(2 * GiB, unique.Host.BalloonedBytes);

        // Off (the default): nothing is shared even between identical guests.
        var off = Run(46 * GiB, Esxi(), Vm12("a", GiB, Rhel), Vm12("b", GiB, Rhel), Vm12("c", GiB, Rhel), Vm12("d", GiB, Rhel));
        Assert.Equal(0, off.Host.SharedBytes);
    }

    [Fact]
    public void Containers_are_charged_their_applications_and_swap_under_pressure()
    {
        // 12 GiB of applications in containers on an 8 GiB host: no balloon to inflate, a third swaps.
        var a = new ContainerSpec { Name = "a", Runs = [App("a-app", 0.5, memory: 6 * GiB)] };
        var b = new ContainerSpec { Name = "b", Runs = [App("b-app", 0.5, memory: 6 * GiB)] };
        var result = Simulator.Run(One(Host("h", 8, Free(HypervisorKind.OsLevel), [a, b], memory: 8 * GiB)), Day(), Isolated);
        Assert.Equal((12 * GiB, 0L, 4 * GiB), (result.Hosts[0].ActiveBytes, result.Hosts[0].BalloonedBytes, result.Hosts[0].SwappedBytes));
        Assert.All(result.Applications, app => Assert.Equal(1 + (10.0 / 3), app.MeanSlowdown, 9));
    }

    private sealed record SimulationResultOf(Results.HostResult Host, IReadOnlyList<double> Slowdowns);
}
