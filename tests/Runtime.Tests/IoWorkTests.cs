using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>I/O is work: its CPU lands where each kind does it, a starved driver domain slows every guest, devices saturate.</summary>
public sealed class IoWorkTests
{
    private static readonly HypervisorSpec Xen = new(HypervisorKind.Paravirtual, Acceleration.Hardware) { Overrides = new CostOverrides { ReservedMemoryBytes = 0 } };

    private static VirtualMachineSpec Dom0(int vcpus) => new() { Name = "dom0", Vcpus = vcpus, MemoryBytes = 2 * GiB, Privileged = true };

    private static ApplicationSpec Server(string name, double cpu, double iops) => new() { Name = name, Cpu = cpu, Io = IoClass.Heavy, Iops = iops, NetworkBitsPerSecond = 0, DiskBytesPerSecond = 0 };

    private static SimulationResult Run(HostSpec host, params ScenarioEvent[] events) => Simulator.Run(new Topology { Hosts = [host] }, Day(events), Isolated);

    [Fact]
    public void Heavy_io_costs_host_cpu_on_every_virtualizing_kind_and_none_on_containers()
    {
        foreach (var kind in new[] { HypervisorKind.Hosted, HypervisorKind.BareMetal, HypervisorKind.Paravirtual, HypervisorKind.OsLevel })
        {
            IoHost(kind, IoClass.Light, out var light);
            IoHost(kind, IoClass.Heavy, out var heavy);
            if (kind == HypervisorKind.OsLevel)
            {
                Assert.Equal(0, heavy.IoCoreHours);
                Assert.Equal(light.MeanUtilization, heavy.MeanUtilization, 9);
            }
            else
            {
                Assert.True(heavy.IoCoreHours > 10 * light.IoCoreHours, $"{kind}: {heavy.IoCoreHours} against {light.IoCoreHours}");
                Assert.True(heavy.MeanUtilization > light.MeanUtilization, kind.ToString());
            }
        }
    }

    private static void IoHost(HypervisorKind kind, IoClass io, out HostResult host)
    {
        var app = new ApplicationSpec { Name = "a", Cpu = 2, Io = io };
        GuestSpec guest = kind == HypervisorKind.OsLevel
            ? new ContainerSpec { Name = "g", Burst = true, Runs = [app] }
            : new VirtualMachineSpec { Name = "g", Vcpus = 4, MemoryBytes = 4 * GiB, Runs = [app] };
        IReadOnlyList<GuestSpec> guests = kind == HypervisorKind.Paravirtual ? [Dom0(2), guest] : [guest];
        host = Run(Host("h", 16, new HypervisorSpec(kind, Acceleration.Hardware), guests)).Hosts[0];
    }

    [Fact]
    public void The_driver_domain_does_its_guests_io_work_on_its_own_cpu()
    {
        // 20,000 operations a second at 10 µs of dom0 CPU each: 0.2 cores of dom0, a whole day long.
        var result = Run(Host("h", 16, Xen, [Dom0(2), Vm("v", 4, Server("web", 1, 20_000))]));
        var host = result.Hosts[0];
        var path = VirtualizationCostModel.For(Xen).IoPathOf(AccelerationMode.NestedPaging);
        Assert.Equal("driver_domain", host.IoWorker);
        Assert.Equal(20_000 * path.CpuSeconds * 24, host.IoCoreHours, 6);
        Assert.Equal(1, result.Applications[0].DemandSatisfied, 9);
    }

    [Fact]
    public void A_starved_driver_domain_slows_every_guests_io_to_its_own_pace()
    {
        // Two guests ask dom0 for 2 × 100,000 × 10 µs = 2 cores of back-end work; dom0 has one vCPU: half of it.
        var result = Run(Host("h", 16, Xen, [Dom0(1), Vm("v1", 2, Server("a", 1, 100_000)), Vm("v2", 2, Server("b", 1, 100_000))]));
        Assert.All(result.Applications, a => Assert.Equal(0.5, a.DemandSatisfied, 6));
        Assert.All(result.Applications, a => Assert.True(a.MeanSlowdown >= 2));

        // With two vCPUs the driver domain keeps pace.
        var roomy = Run(Host("h", 16, Xen, [Dom0(2), Vm("v1", 2, Server("a", 1, 100_000)), Vm("v2", 2, Server("b", 1, 100_000))]));
        Assert.All(roomy.Applications, a => Assert.Equal(1, a.DemandSatisfied, 6));
    }

    [Fact]
    public void While_a_restartable_driver_domain_is_down_no_guest_io_is_served()
    {
        var host = Host("h", 16, Xen, [Dom0(2), Vm("v", 2, Server("a", 1, 1_000))]);
        var options = Isolated with { Timings = FaultTimings.Default with { RestartableDriverDomain = true } };
        var down = Simulator.Run(new Topology { Hosts = [host] }, Day(new CrashEvent(Hours(12), "dom0")), options);
        // The restart takes a minute of the day's 1,440, and nothing of the guest's I/O-bound work is done in it.
        Assert.InRange(down.Applications[0].DemandSatisfied, 0, 1 - (1.0 / 1440) + 1e-9);
    }

    [Fact]
    public void A_bare_metal_hypervisor_serves_the_io_work_before_the_guests()
    {
        var bare = new HypervisorSpec(HypervisorKind.BareMetal, Acceleration.Hardware) { Overrides = new CostOverrides { ReservedMemoryBytes = 0 } };
        var result = Run(Host("h", 8, bare, [Vm("v", 4, Server("a", 1, 50_000))]));
        var path = VirtualizationCostModel.For(bare).IoPathOf(AccelerationMode.NestedPaging);
        Assert.Equal("hypervisor", result.Hosts[0].IoWorker);
        Assert.Equal(50_000 * path.CpuSeconds * 24, result.Hosts[0].IoCoreHours, 6);
    }

    [Fact]
    public void A_saturated_disk_bounds_every_guest_that_uses_it()
    {
        // 2,000 requests a second on a disk of 1,000 IOPS: the database progresses at half its pace, all day.
        var saturated = new HostSpec
        {
            Name = "h",
            Cpu = Cpu(16),
            MemoryBytes = 64 * GiB,
            Disks = [new DiskSpec("sda", 1L << 40, 1_000, 0, null)],
            Runs = [Server("db", 1, 2_000)],
        };
        var result = Run(saturated);
        Assert.Equal(0.5, result.Applications[0].DemandSatisfied, 6);
        Assert.Equal(1, result.Hosts[0].MaxDiskUtilization, 9);
        Assert.Equal(1440, result.Hosts[0].DeviceSaturatedSteps);
    }
}
