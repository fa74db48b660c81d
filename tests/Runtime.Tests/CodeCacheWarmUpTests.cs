using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>Binary translation's code cache refills after a (re)start or a migration: slowdown × (1 + A·exp(−t/τ)).</summary>
public class CodeCacheWarmUpTests
{
    /// <summary>Hosted with software acceleration: binary translation, with the cost figures neutralised (slowdown 1 when warm).</summary>
    private static HypervisorSpec Translating(HypervisorKind kind = HypervisorKind.Hosted) => Free(kind) with { Acceleration = Acceleration.Software };

    private static SimulationResult CrashAtStart(HypervisorSpec hypervisor, FaultTimings? timings = null)
    {
        var host = Host("h", 8, hypervisor, [Vm("v", 2, App("a", 1))]);
        return Simulator.Run(new Topology { Hosts = [host] }, Day(new CrashEvent(0, "v")), Isolated with { Timings = timings ?? FaultTimings.Default });
    }

    /// <summary>
    /// The VM is down for the first minute and up, cold, from minute 1: the step at minute k runs 1 + e^−(k−1) times
    /// slower (A = 1, τ = 60 s), so the day's mean over its 1,439 up steps is 1 + Σ e^−j ÷ 1439.
    /// </summary>
    [Fact]
    public void A_restarted_vm_on_a_translating_host_runs_slower_while_its_code_cache_refills()
    {
        var result = CrashAtStart(Translating());
        var extra = 1 / (1 - Math.Exp(-1));
        Assert.Equal(1 + (extra / 1439), result.Applications[0].MeanSlowdown, 9);
    }

    [Fact]
    public void The_amplitude_and_time_constant_are_overridable_per_run()
    {
        var result = CrashAtStart(Translating(), FaultTimings.Default with { CodeCacheWarmUpAmplitude = 0.5, CodeCacheWarmUpTimeConstant = 120 * Kernel.SimTime.TicksPerSecond });
        var extra = 0.5 / (1 - Math.Exp(-0.5));
        Assert.Equal(1 + (extra / 1439), result.Applications[0].MeanSlowdown, 9);
        Assert.Equal(1, CrashAtStart(Translating(), FaultTimings.Default with { CodeCacheWarmUpAmplitude = 0 }).Applications[0].MeanSlowdown, 12);
    }

    [Fact]
    public void Other_modes_have_no_warm_up()
    {
        // Hardware acceleration on a CPU with VT-x and EPT: nested paging, nothing to translate.
        Assert.Equal(1, CrashAtStart(Free(HypervisorKind.Hosted)).Applications[0].MeanSlowdown, 12);
        Assert.Equal(1, CrashAtStart(Free(HypervisorKind.BareMetal)).Applications[0].MeanSlowdown, 12);
    }

    [Fact]
    public void The_start_of_a_run_counts_as_warm()
    {
        var host = Host("h", 8, Translating(), [Vm("v", 2, App("a", 1))]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(), Isolated);
        Assert.Equal(1, result.Applications[0].MeanSlowdown, 12);
    }

    [Fact]
    public void A_host_reboot_leaves_every_vm_of_the_host_cold()
    {
        var host = Host("h", 8, Translating(HypervisorKind.BareMetal), [Vm("v1", 2, App("a", 1)), Vm("v2", 2, App("b", 1))]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(new CrashEvent(0, "h")), Isolated);

        // Down for the 5-minute reboot, then cold from minute 5: 1435 up steps.
        var extra = 1 / (1 - Math.Exp(-1));
        Assert.All(result.Applications, a => Assert.Equal(1 + (extra / 1435), a.MeanSlowdown, 9));
    }

    [Fact]
    public void A_vm_arriving_by_migration_on_a_translating_host_is_cold()
    {
        var vm = new VirtualMachineSpec { Name = "v", Vcpus = 2, MemoryBytes = 4 * GiB, Runs = [App("a", 1)] };
        var topology = new Topology { Hosts = [Host("src", 8, Translating(), [vm]), Host("dst", 8, Translating())] };
        var moved = Simulator.Run(topology, Day(new MigrateEvent(Hours(12), "v", "dst")), Isolated);

        // Cold from the resume (seconds after 12h): the next step is at 12h01, then one a minute; 1440 up steps.
        var resumed = moved.Events.Single(e => e.Kind == "migrate-end").Time;
        var first = Kernel.SimTime.ToSeconds(Hours(12) + Minutes(1) - resumed) / 60;
        var extra = Math.Exp(-first) / (1 - Math.Exp(-1));
        Assert.Equal(1 + (extra / 1440), moved.Applications[0].MeanSlowdown, 9);

        var warm = Simulator.Run(topology, Day(new MigrateEvent(Hours(12), "v", "dst")), Isolated with { Timings = FaultTimings.Default with { CodeCacheWarmUpAmplitude = 0 } });
        Assert.Equal(1, warm.Applications[0].MeanSlowdown, 12);
    }

    /// <summary>
    /// Translating again is host CPU: the step the VM comes back cold (minute 1, factor 1 + A = 2) it asks the host for
    /// twice its warm work, so the host's busiest step is twice its steady one; without translation it is not.
    /// </summary>
    [Fact]
    public void A_cold_code_cache_costs_host_cpu_not_only_time()
    {
        var cold = CrashAtStart(Translating()).Hosts[0];
        Assert.Equal(2 / cold.CapacityCores, cold.MaxUtilization, 9);
        Assert.True(cold.MeanUtilization > 1439.0 / 1440 / cold.CapacityCores);

        var nested = CrashAtStart(Free(HypervisorKind.Hosted)).Hosts[0];
        Assert.Equal(1 / nested.CapacityCores, nested.MaxUtilization, 9);
    }

    /// <summary>
    /// A VM whose work fills its one vCPU cannot take the translation on top: while its cache refills it delivers
    /// only 1 ÷ (1 + e^−(k−1)) of its demand at minute k.
    /// </summary>
    [Fact]
    public void A_vm_without_spare_vcpus_delivers_less_while_its_cache_refills()
    {
        var host = Host("h", 8, Translating(), [Vm("v", 1, App("a", 1))]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(new CrashEvent(0, "v")), Isolated);
        var delivered = Enumerable.Range(0, 1439).Sum(j => 1 / (1 + Math.Exp(-j)));
        Assert.Equal(delivered / 1440, result.Applications[0].DemandSatisfied, 6);
    }
}
