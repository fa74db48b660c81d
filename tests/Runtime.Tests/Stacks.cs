using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Tests;

/// <summary>Small topologies for hand-computed cases: no noise, no cost unless asked, one-day scenarios.</summary>
internal static class Stacks
{
    public const long GiB = 1L << 30;

    public static CpuSpec Cpu(int logical, CpuFeatures features = CpuFeatures.Vtx | CpuFeatures.Ept) => new(1, logical, 1, 2.5, features);

    public static ApplicationSpec App(string name, double cpu, double level = 1, IoClass io = IoClass.Light, long memory = 0, PatchRequirement? patch = null) =>
        new() { Name = name, Cpu = cpu, Profile = new ConstantProfile(level), Io = io, MemoryBytes = memory, CertifiedPatch = patch };

    /// <summary>No CPU or memory overhead, so that allocation alone decides the numbers.</summary>
    public static HypervisorSpec Free(HypervisorKind kind) =>
        new(kind, Acceleration.Hardware) { Overrides = new CostOverrides { Cpu = 1, Io = 1, MemoryPerGuestBytes = 0, ReservedMemoryBytes = 0 } };

    public static HostSpec Host(string name, int logical, HypervisorSpec? hypervisor = null, IReadOnlyList<GuestSpec>? guests = null,
        IReadOnlyList<ApplicationSpec>? runs = null, long memory = 64 * GiB, CpuFeatures features = CpuFeatures.Vtx | CpuFeatures.Ept, double nicBits = 10e9) =>
        new()
        {
            Name = name,
            Cpu = Cpu(logical, features),
            MemoryBytes = memory,
            Hypervisor = hypervisor ?? Free(HypervisorKind.None),
            Guests = guests ?? [],
            Runs = runs ?? [],
            Nics = [new NicSpec("eth0", nicBits, "mlx5")],
            Power = new PowerSpec(100, 300),
        };

    public static VirtualMachineSpec Vm(string name, int vcpus, params ApplicationSpec[] apps) =>
        new() { Name = name, Vcpus = vcpus, MemoryBytes = 4 * GiB, Runs = apps };

    public static ContainerSpec Container(string name, double shares, bool burst, params ApplicationSpec[] apps) =>
        new() { Name = name, CpuShares = shares, Burst = burst, Runs = apps };

    /// <summary>Options for a test that isolates one mechanism: no queueing of a busy host.</summary>
    public static Engine.SimulationOptions Isolated { get; } = new() { Queueing = false };

    public static ScenarioSpec Day(params ScenarioEvent[] events) =>
        new() { Name = "test", Duration = SimTime.TicksPerDay, Step = SimTime.TicksPerMinute, Seed = 42, Noise = 0, Events = events };

    public static long Minutes(double m) => SimTime.FromMinutes(m);

    public static long Hours(double h) => SimTime.FromMinutes(h * 60);
}
