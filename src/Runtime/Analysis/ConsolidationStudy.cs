using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Analysis;

/// <summary>
/// What if these applications ran on that platform? Places the same applications on as few copies of one server as
/// serve them, for each platform, by simulating: one guest per application (a VM of the application's cores rounded
/// up (at the platform's CPU cost and the server's clock), plus 1 GiB for its OS; a container with shares equal to its cores, allowed to burst), placed largest peak first
/// on the least loaded host with memory left; a paravirtual host also runs its dom0 (1 vCPU, 2 GiB). The fewest hosts
/// are those where every application gets at least <see cref="ServedTarget"/> of its demand, no host runs short of
/// memory and none is busier than <see cref="TargetUtilization"/> at its 95th percentile; <see cref="SpareHosts"/> more
/// are kept free for a failure. Without a hypervisor it is one server per application, as before virtualization.
/// </summary>
public static class ConsolidationStudy
{
    public const double ServedTarget = 0.99;

    /// <summary>
    /// The planning headroom: no shared host busier than this at its 95th percentile. Capacity planners keep hosts at
    /// 70–80 % of CPU at peak so that a surge and a failover find room, and queueing stays short (at 70 % the response
    /// time of a 10-core host is about 5 % above idle; at 95 %, 2.7 times). A planning convention, not a measurement.
    /// </summary>
    public const double TargetUtilization = 0.70;

    /// <summary>Hosts kept free for a failure (N+1: vSphere HA's "host failures the cluster tolerates" of one); shared platforms only.</summary>
    public const int SpareHosts = 1;

    private const long GiB = 1L << 30;

    public static IReadOnlyList<PlatformOutcome> Compare(IReadOnlyList<ApplicationSpec> applications, HostSpec server, IReadOnlyList<Platform> platforms, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        return platforms.Select(p => Run(applications, server, p, scenario)).ToList();
    }

    public static PlatformOutcome Run(IReadOnlyList<ApplicationSpec> applications, HostSpec server, Platform platform, ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(scenario);
        if (applications.Count == 0)
        {
            throw new ArgumentException("a study needs at least one application", nameof(applications));
        }

        // The scenario's events name the original model's hosts and guests: the study keeps only its clock and seed.
        var quiet = scenario with { Events = [] };
        if (platform.Kind == HypervisorKind.None)
        {
            var alone = Simulator.Run(Build(applications, server, platform, applications.Count), quiet);
            return new PlatformOutcome(platform, applications.Count, Fits(alone), alone);
        }

        var capacity = server.Cpu.CapacityCores;
        // No fewer than the mean demand needs; no more than one per application (then each has a server to itself).
        var lowest = Math.Clamp((int)Math.Ceiling(applications.Sum(a => a.Cpu * a.Profile.Mean) / capacity), 1, applications.Count);
        SimulationResult? last = null;
        for (var hosts = lowest; hosts <= applications.Count; hosts++)
        {
            var result = Simulator.Run(Build(applications, server, platform, hosts), quiet);
            if (Fits(result) && result.Hosts.All(h => h.P95Utilization <= TargetUtilization))
            {
                return new PlatformOutcome(platform, hosts + SpareHosts, true, result);
            }

            last = result;
        }

        return new PlatformOutcome(platform, applications.Count, false, last!);
    }

    /// <summary>The topology the study simulates for <paramref name="hosts"/> copies of the server.</summary>
    public static Topology Build(IReadOnlyList<ApplicationSpec> applications, HostSpec server, Platform platform, int hosts)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(platform);
        var hypervisor = new HypervisorSpec(platform.Kind, platform.Acceleration);
        var cpu = server.Cpu with { Features = platform.Features };
        var costs = Costs.VirtualizationCostModel.For(hypervisor);
        var mode = costs.ModeOf(platform.Acceleration, cpu);
        var guests = Enumerable.Range(0, hosts).Select(_ => new List<GuestSpec>()).ToList();
        var runs = Enumerable.Range(0, hosts).Select(_ => new List<ApplicationSpec>()).ToList();
        var load = new double[hosts];
        var memory = new long[hosts];
        if (platform.Kind == HypervisorKind.Paravirtual)
        {
            for (var h = 0; h < hosts; h++)
            {
                guests[h].Add(new VirtualMachineSpec { Name = $"dom0-{h + 1:00}", Vcpus = 1, MemoryBytes = 2 * GiB, Privileged = true, Os = server.Os, Patch = server.Patch });
                memory[h] = 2 * GiB;
            }
        }

        var order = applications.Select((app, index) => (app, index)).OrderByDescending(p => p.app.Cpu * p.app.Profile.Peak).ThenBy(p => p.index);
        foreach (var (app, index) in order)
        {
            var size = app.MemoryBytes + (platform.Kind == HypervisorKind.OsLevel ? 0 : GiB);
            var h = platform.Kind == HypervisorKind.None ? index : LeastLoaded(load, memory, size, server.MemoryBytes);
            load[h] += app.Cpu * app.Profile.Peak;
            memory[h] += size;
            switch (platform.Kind)
            {
                case HypervisorKind.None:
                    runs[h].Add(app);
                    break;
                case HypervisorKind.OsLevel:
                    guests[h].Add(new ContainerSpec { Name = $"{app.Name}-{index + 1}", CpuShares = app.Cpu, Burst = true, Runs = [app] });
                    break;
                default:
                    guests[h].Add(new VirtualMachineSpec
                    {
                        Name = $"{app.Name}-{index + 1}",
                        // Enough vCPUs for the application's work at this platform's CPU cost (its kernel entries' too)
                        // and the server's clock.
                        Vcpus = Math.Max(1, (int)Math.Ceiling(app.Cpu * (costs.CpuFactor(app.Io, mode) + KernelEntryCpuPerCore(costs, app, mode)) / cpu.CoreSpeed)),
                        MemoryBytes = size,
                        Os = server.Os,
                        Patch = server.Patch,
                        Runs = [app],
                    });
                    break;
            }
        }

        return new Topology
        {
            Hosts = Enumerable.Range(0, hosts).Select(h => new HostSpec
            {
                Name = $"host-{h + 1:00}",
                Cpu = cpu,
                MemoryBytes = server.MemoryBytes,
                Disks = server.Disks,
                Nics = server.Nics,
                Power = server.Power,
                Os = server.Os,
                Patch = server.Patch,
                Hypervisor = hypervisor,
                Guests = guests[h],
                Runs = runs[h],
            }).ToList(),
        };
    }

    /// <summary>The host with the least peak CPU placed on it among those with memory left for the guest; the least loaded of all when none has.</summary>
    /// <summary>What the platform adds to the kernel entries an application states, per reference core of its work.</summary>
    private static double KernelEntryCpuPerCore(VirtualizationCostModel costs, ApplicationSpec app, AccelerationMode mode) =>
        app.Cpu > 0 ? costs.KernelEntryCostsOf(mode).CpuPerCore(app.KernelEntries * (1 / app.Cpu)) : 0;

    private static int LeastLoaded(double[] load, long[] memory, long size, long capacity)
    {
        var best = -1;
        for (var h = 0; h < load.Length; h++)
        {
            if (memory[h] + size <= capacity && (best < 0 || load[h] < load[best]))
            {
                best = h;
            }
        }

        return best >= 0 ? best : Array.IndexOf(load, load.Min());
    }

    private static bool Fits(SimulationResult result) =>
        result.Applications.All(a => a.DemandSatisfied >= ServedTarget)
            && result.Hosts.All(h => h.MaxMemoryUsedBytes <= h.MemoryBytes);
}
