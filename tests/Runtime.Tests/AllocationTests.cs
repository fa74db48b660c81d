using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>Allocation on small hosts whose numbers can be worked out by hand (no noise, no virtualization cost).</summary>
public class AllocationTests
{
    private static Model.Topology One(HostSpec host) => new() { Hosts = [host] };

    [Fact]
    public void An_application_on_a_bare_host_uses_the_host()
    {
        // 2 cores at 100 % on an 8-CPU host: 25 %.
        var result = Simulator.Run(One(Host("h", 8, runs: [App("a", 2)])), Day());
        var host = Assert.Single(result.Hosts);
        Assert.Equal(0.25, host.MeanUtilization, 9);
        Assert.Equal(0.25, host.MaxUtilization, 9);
        var app = Assert.Single(result.Applications);
        Assert.Equal(1, app.DemandSatisfied, 9);
        Assert.Equal(1, app.MeanSlowdown, 9); // alone on its host: nobody to queue behind
        Assert.Equal(48, app.DemandCoreHours, 6);
    }

    [Fact]
    public void A_vm_gets_at_most_its_vcpus_and_that_is_not_steal()
    {
        // Wants 4 cores, has 2 vCPUs on an idle 8-CPU host: gets 2, the host is 25 % busy, no steal.
        var host = Host("h", 8, Free(HypervisorKind.BareMetal), [Vm("v", 2, App("a", 4))]);
        var result = Simulator.Run(One(host), Day());
        Assert.Equal(0.5, result.Applications[0].DemandSatisfied, 9);
        Assert.Equal(2, result.Applications[0].MeanSlowdown, 9);
        Assert.Equal(0.25, result.Hosts[0].MeanUtilization, 9);
        Assert.Equal(0, result.Hosts[0].StealCoreHours, 9);
    }

    [Fact]
    public void Oversubscribed_vcpus_share_fairly_and_the_shortfall_is_steal()
    {
        // Two VMs of 4 vCPUs, each busy on 4 cores, on a 4-CPU host: 2 each, half of what they asked is steal.
        var host = Host("h", 4, Free(HypervisorKind.BareMetal), [Vm("v1", 4, App("a", 4)), Vm("v2", 4, App("b", 4))]);
        var result = Simulator.Run(One(host), Day());
        Assert.Equal(1, result.Hosts[0].MeanUtilization, 9);
        Assert.Equal(0.5, result.Hosts[0].StealFraction, 9);
        Assert.Equal(2 * 2 * 24, result.Hosts[0].StealCoreHours, 6);
        Assert.All(result.Applications, a => Assert.Equal(0.5, a.DemandSatisfied, 9));
    }

    [Fact]
    public void Fair_share_is_per_vcpu()
    {
        // 6 CPUs; a 4-vCPU VM and a 2-vCPU VM both saturated: weights 4 and 2 give 4 and 2.
        var host = Host("h", 6, Free(HypervisorKind.BareMetal), [Vm("big", 4, App("a", 8)), Vm("small", 2, App("b", 8))]);
        var result = Simulator.Run(One(host), Day());
        Assert.Equal(0.5, result.Applications.Single(a => a.Name == "a").DemandSatisfied, 9);
        Assert.Equal(0.25, result.Applications.Single(a => a.Name == "b").DemandSatisfied, 9);
    }

    [Fact]
    public void Containers_get_cpu_by_shares()
    {
        // 4 CPUs, shares 3 and 1, both want 4: 3 and 1.
        var host = Host("h", 4, Free(HypervisorKind.OsLevel), [Container("c1", 3, true, App("a", 4)), Container("c2", 1, true, App("b", 4))]);
        var result = Simulator.Run(One(host), Day());
        Assert.Equal(0.75, result.Applications.Single(a => a.Name == "a").DemandSatisfied, 9);
        Assert.Equal(0.25, result.Applications.Single(a => a.Name == "b").DemandSatisfied, 9);
    }

    [Fact]
    public void A_container_with_burst_takes_the_idle_cpu_and_one_without_does_not()
    {
        // 4 CPUs, two containers with equal shares; one is idle. The busy one wants 4.
        var idle = App("idle", 0);
        var burst = Simulator.Run(One(Host("h", 4, Free(HypervisorKind.OsLevel), [Container("c1", 1, true, App("a", 4)), Container("c2", 1, true, idle)])), Day());
        var capped = Simulator.Run(One(Host("h", 4, Free(HypervisorKind.OsLevel), [Container("c1", 1, false, App("a", 4)), Container("c2", 1, true, idle)])), Day());
        Assert.Equal(1, burst.Applications[0].DemandSatisfied, 9);
        Assert.Equal(0.5, capped.Applications[0].DemandSatisfied, 9);
        Assert.Equal(0.5, capped.Hosts[0].MeanUtilization, 9);
    }

    [Fact]
    public void A_container_limit_caps_it()
    {
        var container = new ContainerSpec { Name = "c", CpuLimit = 1.5, Burst = true, Runs = [App("a", 4)] };
        var result = Simulator.Run(One(Host("h", 8, Free(HypervisorKind.OsLevel), [container])), Day());
        Assert.Equal(1.5 / 4, result.Applications[0].DemandSatisfied, 9);
    }

    [Fact]
    public void An_application_bigger_than_its_container_limit_swaps_alone()
    {
        var tight = new ContainerSpec { Name = "tight", MemoryLimitBytes = 2 * GiB, Runs = [App("a", 0.5, memory: 4 * GiB)] };
        var fine = new ContainerSpec { Name = "fine", Runs = [App("b", 0.5, memory: 4 * GiB)] };
        var result = Simulator.Run(One(Host("h", 8, Free(HypervisorKind.OsLevel), [tight, fine])), Day());
        var queueing = QueueingDelay.ResponseFactor(0.5 / 8, 8); // each queues behind the other's half core
        Assert.Equal((1 + (10 * 0.5)) * queueing, result.Applications.Single(a => a.Name == "a").MeanSlowdown, 9);
        Assert.Equal(queueing, result.Applications.Single(a => a.Name == "b").MeanSlowdown, 9);
    }

    [Fact]
    public void Work_queues_behind_its_neighbours_and_waits_longer_the_busier_they_are()
    {
        // One core of work beside a neighbour of 1, 4 and 7 cores on an 8-core host: the response-time factor of the
        // neighbour's share of the host, growing towards saturation.
        double SlowdownBeside(double neighbour)
        {
            var host = Host("h", 8, Free(HypervisorKind.OsLevel), [Container("a", 1, true, App("a", 1)), Container("b", 1, true, App("b", neighbour))]);
            return Simulator.Run(One(host), Day()).Applications.Single(a => a.Name == "a").MeanSlowdown;
        }

        var quiet = SlowdownBeside(1);
        var busy = SlowdownBeside(4);
        var nearlyFull = SlowdownBeside(7);
        Assert.Equal(QueueingDelay.ResponseFactor(1.0 / 8, 8), quiet, 9);
        Assert.Equal(QueueingDelay.ResponseFactor(4.0 / 8, 8), busy, 9);
        Assert.True(quiet < busy && busy < nearlyFull);
        Assert.True(nearlyFull > 1.5, $"{nearlyFull}");
    }

    [Fact]
    public void Energy_is_linear_in_utilization()
    {
        // 50 % busy all day at idle 100 W, max 300 W: 200 W x 24 h = 4.8 kWh.
        var result = Simulator.Run(One(Host("h", 8, runs: [App("a", 4)])), Day());
        Assert.Equal(4.8, result.Hosts[0].EnergyKilowattHours, 9);
    }

    [Fact]
    public void The_virtualization_cost_slows_the_application_and_loads_the_host()
    {
        // Hosted with binary translation, I/O-heavy work: the guest's own trap-bound execution, plus the device emulation
        // of every operation, done by the hypervisor's process on the host and waited for by the guest.
        var hosted = new HypervisorSpec(HypervisorKind.Hosted, Acceleration.Software) { Overrides = new CostOverrides { ReservedMemoryBytes = 0 } };
        var host = Host("h", 16, hosted, [Vm("v", 4, App("a", 1, io: IoClass.Heavy))]);
        var result = Simulator.Run(One(host), Day());
        var model = VirtualizationCostModel.For(hosted);
        var own = model.GuestCpuFactor(IoClass.Heavy, AccelerationMode.BinaryTranslation);
        var all = model.CpuFactor(IoClass.Heavy, AccelerationMode.BinaryTranslation);
        Assert.True(all > 2 * own); // most of the host CPU is the emulation's, not the guest's
        Assert.Equal(all / 16, result.Hosts[0].MeanUtilization, 9);
        Assert.Equal((all - own) * 24, result.Hosts[0].IoCoreHours, 6);
        Assert.Equal("host_process", result.Hosts[0].IoWorker);
        var slowdown = model.Slowdown(IoClass.Heavy, AccelerationMode.BinaryTranslation);
        Assert.Equal(slowdown, result.Applications[0].MeanSlowdown, 9);
    }
}
