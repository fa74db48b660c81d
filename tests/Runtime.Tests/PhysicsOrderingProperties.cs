using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// The orderings the published measurements agree on, held over generated models run through the simulator: one
/// application (a random size, class and explicit I/O) on one host (a random size, clock and threads), under each
/// platform. Each property is a comparison between runs, never a restated figure.
/// </summary>
public sealed class PhysicsOrderingProperties
{
    private const int Cases = 60;
    private const long GiB = 1L << 30;

    private static readonly ScenarioSpec Hours = new() { Name = "p", Duration = 6 * SimTime.TicksPerHour, Step = SimTime.TicksPerHour, Seed = 7, Noise = 0 };

    private sealed record Case(ApplicationSpec App, CpuSpec Cpu, int Vcpus);

    private static IEnumerable<Case> Generate(ulong stream)
    {
        var random = new RandomStream(2026, stream);
        for (var i = 0; i < Cases; i++)
        {
            var io = (IoClass)(int)(random.NextDouble() * 3);
            var cores = 8 + (int)(random.NextDouble() * 24);
            var cpu = new CpuSpec(1, cores, random.NextDouble() < 0.5 ? 1 : 2, 2.0 + (random.NextDouble() * 1.5), CpuFeatures.Vtx | CpuFeatures.Ept);
            var demand = 0.5 + (random.NextDouble() * 3);
            var app = new ApplicationSpec
            {
                Name = "app",
                Cpu = demand,
                Io = io,
                Iops = random.NextDouble() < 0.3 ? random.NextDouble() * 20_000 : null,
                NetworkBitsPerSecond = random.NextDouble() < 0.3 ? random.NextDouble() * 1e9 : null,
                Profile = new ConstantProfile(0.3 + (random.NextDouble() * 0.7)),
            };
            yield return new Case(app, cpu, (int)Math.Ceiling(demand * 2));
        }
    }

    /// <summary>
    /// The same generated applications, each entering its kernel beyond its class: per reference core of work, some
    /// thousands of system calls a second (<paramref name="syscalls"/>), tens of thousands of page faults and tens to
    /// thousands of forks (<paramref name="faultsAndForks"/>), as a shell script, a build driver or a fork-per-request
    /// server would.
    /// </summary>
    private static IEnumerable<Case> GenerateKernelHeavy(ulong stream, bool syscalls, bool faultsAndForks)
    {
        var random = new RandomStream(2027, stream);
        foreach (var c in Generate(stream))
        {
            var perCore = new KernelEntryRates(
                syscalls ? 1_000 + (random.NextDouble() * 200_000) : 0,
                faultsAndForks ? 1_000 + (random.NextDouble() * 100_000) : 0,
                faultsAndForks ? 10 + (random.NextDouble() * 2_000) : 0);
            yield return c with
            {
                App = new ApplicationSpec
                {
                    Name = c.App.Name,
                    Cpu = c.App.Cpu,
                    Io = c.App.Io,
                    Iops = c.App.Iops,
                    NetworkBitsPerSecond = c.App.NetworkBitsPerSecond,
                    Profile = c.App.Profile,
                    KernelEntries = perCore * c.App.Cpu,
                }
            };
        }
    }

    private static ApplicationResult Run(Case c, HypervisorKind kind, Acceleration acceleration, CpuFeatures? features = null)
    {
        var cpu = features is { } f ? c.Cpu with { Features = f } : c.Cpu;
        IReadOnlyList<GuestSpec> guests = kind switch
        {
            HypervisorKind.None => [],
            HypervisorKind.OsLevel => [new ContainerSpec { Name = "g", Burst = true, Runs = [c.App] }],
            _ => [new VirtualMachineSpec { Name = "g", Vcpus = c.Vcpus, MemoryBytes = 8 * GiB, Runs = [c.App] }],
        };
        if (kind == HypervisorKind.Paravirtual)
        {
            guests = [new VirtualMachineSpec { Name = "dom0", Vcpus = 2, MemoryBytes = 2 * GiB, Privileged = true }, .. guests];
        }

        var host = new HostSpec
        {
            Name = "h",
            Cpu = cpu,
            MemoryBytes = 256 * GiB,
            Hypervisor = new HypervisorSpec(kind, acceleration),
            Guests = guests,
            Runs = kind == HypervisorKind.None ? [c.App] : [],
        };
        return Simulator.Run(new Topology { Hosts = [host] }, Hours).Applications.Single();
    }

    /// <summary>The same application without the kernel entries it states.</summary>
    private static ApplicationSpec Plain(ApplicationSpec app) => new()
    {
        Name = app.Name, Cpu = app.Cpu, Io = app.Io, Iops = app.Iops, NetworkBitsPerSecond = app.NetworkBitsPerSecond, Profile = app.Profile,
    };

    [Fact]
    public void Bare_metal_is_never_slower_than_hosted_for_the_same_technique()
    {
        foreach (var c in Generate(1).Concat(GenerateKernelHeavy(12, syscalls: true, faultsAndForks: true)))
        {
            foreach (var (acceleration, features) in new[] { (Acceleration.Software, CpuFeatures.None), (Acceleration.Hardware, CpuFeatures.Vtx), (Acceleration.Hardware, CpuFeatures.Vtx | CpuFeatures.Ept) })
            {
                var bare = Run(c, HypervisorKind.BareMetal, acceleration, features);
                var hosted = Run(c, HypervisorKind.Hosted, acceleration, features);
                Assert.True(bare.MeanSlowdown <= hosted.MeanSlowdown + 1e-9, $"{c}: bare metal {bare.MeanSlowdown} > hosted {hosted.MeanSlowdown} ({acceleration}, {features})");
                Assert.True(bare.DemandSatisfied >= hosted.DemandSatisfied - 1e-9);
            }
        }
    }

    [Fact]
    public void Paravirtual_stays_within_a_few_percent_of_native_on_cpu_and_io()
    {
        // Up to twice the heavy class's operations per core: Xen's back-end keeps pace with real servers' I/O, not with
        // a stream of minimum-size packets (ttcp at MTU 500 ran 14 % slower on Xen than native).
        var realistic = 2 * IoRates.PerCore(IoClass.Heavy).Operations;
        foreach (var c in Generate(2).Where(c => c.App.IoAtFullDemand.Operations / c.App.Cpu <= realistic))
        {
            var native = Run(c, HypervisorKind.None, Acceleration.Hardware);
            var xen = Run(c, HypervisorKind.Paravirtual, Acceleration.Hardware);
            Assert.InRange(xen.MeanSlowdown / native.MeanSlowdown, 1, 1.06);
            Assert.Equal(native.DemandSatisfied, xen.DemandSatisfied, 9);
        }
    }

    [Fact]
    public void First_generation_vtx_is_slower_than_translation_on_kernel_heavy_work_and_not_on_plain_computation()
    {
        foreach (var c in Generate(3))
        {
            var vtx = Run(c, HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx);
            var bt = Run(c, HypervisorKind.BareMetal, Acceleration.Software, CpuFeatures.Vtx);
            if (c.App.Io == IoClass.Light)
            {
                Assert.True(vtx.MeanSlowdown <= bt.MeanSlowdown + 1e-9, $"{c}: on computation VT-x {vtx.MeanSlowdown} > BT {bt.MeanSlowdown}");
            }
            else
            {
                Assert.True(vtx.MeanSlowdown > bt.MeanSlowdown, $"{c}: on kernel-heavy work VT-x {vtx.MeanSlowdown} <= BT {bt.MeanSlowdown}");
            }
        }
    }

    [Fact]
    public void First_generation_vtx_is_slower_than_translation_on_fork_and_page_fault_heavy_work()
    {
        foreach (var c in GenerateKernelHeavy(6, syscalls: false, faultsAndForks: true))
        {
            foreach (var kind in new[] { HypervisorKind.BareMetal, HypervisorKind.Hosted })
            {
                var vtx = Run(c, kind, Acceleration.Hardware, CpuFeatures.Vtx);
                var bt = Run(c, kind, Acceleration.Software, CpuFeatures.Vtx);
                Assert.True(vtx.MeanSlowdown > bt.MeanSlowdown, $"{c} on {kind}: fork-heavy VT-x {vtx.MeanSlowdown} <= BT {bt.MeanSlowdown}");
            }
        }
    }

    [Fact]
    public void First_generation_vtx_is_not_slower_than_translation_on_system_call_heavy_computation()
    {
        // Adams and Agesen: a system call does not exit under hardware assist (native speed) and costs about 2,000
        // cycles more under binary translation, so a computation that only adds system calls favours VT-x further.
        foreach (var c in GenerateKernelHeavy(7, syscalls: true, faultsAndForks: false).Where(c => c.App.Io == IoClass.Light))
        {
            var vtx = Run(c, HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx);
            var bt = Run(c, HypervisorKind.BareMetal, Acceleration.Software, CpuFeatures.Vtx);
            var plainBt = Run(c with { App = Plain(c.App) }, HypervisorKind.BareMetal, Acceleration.Software, CpuFeatures.Vtx);
            Assert.True(vtx.MeanSlowdown <= bt.MeanSlowdown + 1e-9, $"{c}: syscall-heavy VT-x {vtx.MeanSlowdown} > BT {bt.MeanSlowdown}");
            Assert.True(bt.MeanSlowdown > plainBt.MeanSlowdown, $"{c}: system calls cost binary translation nothing");
        }
    }

    [Fact]
    public void Nested_paging_adds_nothing_to_kernel_entries_and_is_the_fastest_hardware_technique_on_fork_heavy_work()
    {
        foreach (var c in GenerateKernelHeavy(8, syscalls: true, faultsAndForks: true))
        {
            var nested = Run(c, HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx | CpuFeatures.Ept);
            var plain = Run(c with { App = Plain(c.App) }, HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx | CpuFeatures.Ept);
            var vtx = Run(c, HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx);
            var bt = Run(c, HypervisorKind.BareMetal, Acceleration.Software, CpuFeatures.Vtx);
            Assert.Equal(plain.MeanSlowdown, nested.MeanSlowdown, 9);
            Assert.True(nested.MeanSlowdown < vtx.MeanSlowdown && nested.MeanSlowdown < bt.MeanSlowdown, $"{c}: nested {nested.MeanSlowdown}, VT-x {vtx.MeanSlowdown}, BT {bt.MeanSlowdown}");
        }
    }

    [Fact]
    public void Paravirtual_runs_system_calls_at_native_speed_and_forks_cheaper_than_full_virtualization()
    {
        foreach (var c in GenerateKernelHeavy(9, syscalls: true, faultsAndForks: false))
        {
            var xen = Run(c, HypervisorKind.Paravirtual, Acceleration.Hardware);
            var plain = Run(c with { App = Plain(c.App) }, HypervisorKind.Paravirtual, Acceleration.Hardware);
            Assert.Equal(plain.MeanSlowdown, xen.MeanSlowdown, 9); // Xen's fast system-call handler: no hypervisor on the path
        }

        foreach (var c in GenerateKernelHeavy(10, syscalls: true, faultsAndForks: true))
        {
            var xen = Run(c, HypervisorKind.Paravirtual, Acceleration.Hardware);
            var native = Run(c, HypervisorKind.None, Acceleration.Hardware);
            var bt = Run(c, HypervisorKind.BareMetal, Acceleration.Software, CpuFeatures.Vtx);
            var vtx = Run(c, HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx);
            Assert.True(xen.MeanSlowdown > native.MeanSlowdown, $"{c}: page faults and forks cost Xen nothing");
            Assert.True(xen.MeanSlowdown < bt.MeanSlowdown && xen.MeanSlowdown < vtx.MeanSlowdown, $"{c}: Xen {xen.MeanSlowdown}, BT {bt.MeanSlowdown}, VT-x {vtx.MeanSlowdown}");
        }
    }

    [Fact]
    public void Containers_run_kernel_heavy_work_at_native_speed()
    {
        foreach (var c in GenerateKernelHeavy(11, syscalls: true, faultsAndForks: true))
        {
            var native = Run(c, HypervisorKind.None, Acceleration.Hardware);
            var container = Run(c, HypervisorKind.OsLevel, Acceleration.Hardware);
            Assert.Equal(native.MeanSlowdown, container.MeanSlowdown, 9);
            Assert.Equal(native.DemandSatisfied, container.DemandSatisfied, 9);
        }
    }

    [Fact]
    public void Containers_run_at_native_speed_on_their_shared_kernel()
    {
        foreach (var c in Generate(4))
        {
            var native = Run(c, HypervisorKind.None, Acceleration.Hardware);
            var container = Run(c, HypervisorKind.OsLevel, Acceleration.Hardware);
            Assert.Equal(native.MeanSlowdown, container.MeanSlowdown, 9);
            Assert.Equal(native.DemandSatisfied, container.DemandSatisfied, 9);
        }
    }

    [Fact]
    public void A_second_hardware_thread_adds_less_than_a_core()
    {
        foreach (var c in Generate(5))
        {
            var one = c.Cpu with { ThreadsPerCore = 1 };
            var two = c.Cpu with { ThreadsPerCore = 2 };
            Assert.InRange(two.CapacityCores - one.CapacityCores, 0.01, one.PhysicalCores * one.CoreSpeed * 0.99);
        }

        // Simulated: 12 reference cores of demand on 8 cores × 2 threads at the reference clock are not all served,
        // though the host has 16 logical CPUs; on 12 cores they are.
        var app = new ApplicationSpec { Name = "a", Cpu = 12 };
        ApplicationResult On(CpuSpec cpu) => Simulator.Run(
            new Topology { Hosts = [new HostSpec { Name = "h", Cpu = cpu, MemoryBytes = 64 * GiB, Runs = [app] }] }, Hours).Applications.Single();
        Assert.InRange(On(new CpuSpec(1, 8, 2, CpuSpec.ReferenceClockGHz, CpuFeatures.None)).DemandSatisfied, 0.8, 0.9);
        Assert.Equal(1, On(new CpuSpec(1, 12, 1, CpuSpec.ReferenceClockGHz, CpuFeatures.None)).DemandSatisfied, 9);
    }

    [Fact]
    public void A_faster_clock_serves_the_same_demand_with_less_queueing()
    {
        var app = new ApplicationSpec { Name = "a", Cpu = 3.5 };
        ApplicationResult At(double ghz) => Simulator.Run(
            new Topology { Hosts = [new HostSpec { Name = "h", Cpu = new CpuSpec(1, 4, 1, ghz, CpuFeatures.None), MemoryBytes = 64 * GiB, Runs = [app] }] }, Hours).Applications.Single();
        var slow = At(1.0);
        var fast = At(3.6);
        Assert.InRange(slow.DemandSatisfied, 0.45, 0.46); // 4 cores at 1.0 GHz are 1.6 reference cores
        Assert.Equal(1, fast.DemandSatisfied, 9);
        Assert.True(slow.MeanSlowdown > 2 * fast.MeanSlowdown);
    }
}
