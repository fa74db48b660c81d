using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Planning;

/// <summary>
/// A plan as bin packing: items are the application instances (replicas), bins the pools' machines; each item has a
/// demand per pool it may run on (null: it may not), and pairs of items of different applications may or may not share
/// a machine of a pool (conflicts, isolation, zones, spread). Built once; FFD and CP-SAT read it.
/// </summary>
internal sealed class PlanningProblem
{
    /// <summary>Profiles are sampled every five minutes inside a bucket and the bucket takes the highest sample.</summary>
    public const double SampleSeconds = 300;

    /// <summary>The most the default noise multiplies a demand by (docs/simulation.md).</summary>
    private static readonly double HighestNoise = 1 + (ScenarioSpec.NoiseScale * ScenarioSpec.DefaultNoise);

    // A VM's memory is a whole number of MiB, at least 256 (what the smallest server guests are given).
    private const long MiB = 1L << 20;
    private const long SmallestVmMemory = 256 * MiB;

    private PlanningProblem(SemanticModel model, PlanSymbol plan, IReadOnlyList<PoolMachine> pools, IReadOnlyList<PlanItem> items, InstanceDemand?[,] demands, int buckets)
    {
        Model = model;
        Plan = plan;
        Pools = pools;
        Items = items;
        Demands = demands;
        Buckets = buckets;
        var sites = pools.Select(p => p.Pool.Site?.Name).Distinct(StringComparer.Ordinal).ToList();
        SiteOfPool = [.. pools.Select(p => sites.IndexOf(p.Pool.Site?.Name))];
        var first = items.GroupBy(i => i.AppIndex).ToDictionary(g => g.Key, g => g.First().Index); // replicas share their demands
        SitesOfApp = [.. plan.Applications.Select((app, a) => first.TryGetValue(a, out var i)
            ? Enumerable.Range(0, pools.Count).Where(p => demands[i, p] is not null).Select(p => SiteOfPool[p]).Distinct().Count() : 0)];
        SpansSites = [.. plan.Applications.Select((app, a) => app.Replicas >= 2 && SitesOfApp[a] >= 2)];
        SiteCap = [.. plan.Applications.Select((app, a) => SpansSites[a] ? (int)((app.Replicas + SitesOfApp[a] - 1) / SitesOfApp[a]) : (int)Math.Min(int.MaxValue, app.Replicas))];
    }

    public SemanticModel Model { get; }

    public PlanSymbol Plan { get; }

    public IReadOnlyList<PoolMachine> Pools { get; }

    public IReadOnlyList<PlanItem> Items { get; }

    /// <summary>[item, pool]: what the item asks of one machine of the pool, or null when it may not run there.</summary>
    public InstanceDemand?[,] Demands { get; }

    public int Buckets { get; }

    /// <summary>[pool]: its site, numbered in the plan's order of pools (the pools without a site are one site, as the checker counts them).</summary>
    public IReadOnlyList<int> SiteOfPool { get; }

    /// <summary>
    /// [application]: its replicas must not all stand in one site (the checker's VDL4009), because it has two or more
    /// and the pools it may run on stand in more than one site.
    /// </summary>
    public IReadOnlyList<bool> SpansSites { get; }

    /// <summary>[application]: the sites its pools (those that may run it) stand in.</summary>
    public IReadOnlyList<int> SitesOfApp { get; }

    /// <summary>
    /// [application]: the most of its replicas one site may hold. For one that spans sites, ⌈replicas ÷ sites⌉: the
    /// replicas balanced, so that losing any one site (what the simulator's <c>fail site</c> does) keeps the most of
    /// them serving (docs/planning.md, "Disaster recovery"); otherwise all of them.
    /// </summary>
    public IReadOnlyList<int> SiteCap { get; }

    /// <summary>
    /// Whether <paramref name="item"/> may go to a machine of pool <paramref name="pool"/> given the sites of the
    /// replicas of its application already placed: while the pool's site holds fewer than its <see cref="SiteCap"/>.
    /// </summary>
    public bool SiteAllows(PlanItem item, int pool, IReadOnlyList<int> placedSites)
    {
        return !SpansSites[item.AppIndex] || placedSites.Count(s => s == SiteOfPool[pool]) < SiteCap[item.AppIndex];
    }

    /// <summary>Builds the problem, or reports (in the model's terms) why an application can run on none of the pools.</summary>
    /// <param name="reserves">The HA admission reserve each machine of a cluster keeps free (AdmissionReserves.cs); null: none.</param>
    public static PlanningProblem? Build(SemanticModel model, PlanSymbol plan, List<Diagnostic> diagnostics, IReadOnlyDictionary<ClusterSymbol, double>? reserves = null)
    {
        var pools = plan.Pools.Select(p => new PoolMachine(p, plan, p.Cluster is { } c && reserves is not null ? reserves.GetValueOrDefault(c) : 0)).ToList();
        foreach (var pool in pools.Where(p => p.Machine.HypervisorKind == HypervisorKind.Paravirtual))
        {
            if (PrivilegedGuestRefusal(pool) is { } refusal)
            {
                diagnostics.Add(new Diagnostic(PlanningDiagnostics.NoPlan, pool.Pool.Declaration, [refusal]));
            }
        }

        if (diagnostics.Count > 0)
        {
            return null;
        }

        var buckets = (int)Math.Ceiling(plan.HorizonSeconds / plan.BucketSeconds);
        var items = new List<PlanItem>();
        var levels = new List<double[]>();
        for (var a = 0; a < plan.Applications.Count; a++)
        {
            var app = plan.Applications[a];
            levels.Add(BucketLevels(app.RuntimeProfile, plan, buckets));
            for (var r = 1L; r <= app.Replicas; r++)
            {
                items.Add(new PlanItem(items.Count, app, a, r));
            }
        }

        var demands = new InstanceDemand?[items.Count, pools.Count];
        var perApp = new InstanceDemand?[pools.Count];
        for (var a = 0; a < plan.Applications.Count; a++)
        {
            var app = plan.Applications[a];
            var reasons = new List<string>();
            var tooLarge = new List<string>();
            string? need = null;
            for (var p = 0; p < pools.Count; p++)
            {
                perApp[p] = Demand(model, app, levels[a], pools[p], plan, out var refusal, out var size);
                need ??= size;
                if (refusal is not null)
                {
                    (size is null ? reasons : tooLarge).Add(refusal);
                }
            }

            if (perApp.All(d => d is null))
            {
                var noPool = tooLarge.Count == 0;
                diagnostics.Add(noPool
                    ? new Diagnostic(PlanningDiagnostics.NoCertifiedPool, app.Declaration, [app.Name, plan.Name, string.Join("; ", reasons)])
                    : new Diagnostic(PlanningDiagnostics.TooLargeForEveryPool, app.Declaration, [app.Name, need ?? "more", plan.Name, string.Join("; ", tooLarge.Concat(reasons))]));
                continue;
            }

            foreach (var item in items.Where(i => i.AppIndex == a))
            {
                for (var p = 0; p < pools.Count; p++)
                {
                    demands[item.Index, p] = perApp[p];
                }
            }
        }

        return diagnostics.Count > 0 ? null : new PlanningProblem(model, plan, pools, items, demands, buckets);
    }

    /// <summary>
    /// Why the machines of a paravirtual pool cannot have their privileged guest: it runs the pool's `os`, which must
    /// have a driver for each device of the hardware (the checker's VDL3006 and VDL3007 on every placed host); null when they can.
    /// </summary>
    private static string? PrivilegedGuestRefusal(PoolMachine pool)
    {
        var machine = pool.Machine;
        if (machine.Os is not { } os)
        {
            return $"pool `{pool.Name}` runs a paravirtual hypervisor and has no `os`: each of its machines needs a privileged guest, which runs the pool's `os` and owns the drivers of the hardware";
        }

        return machine.Disks.Concat(machine.Nics).FirstOrDefault(d => d.Driver is not null && !os.Drivers.Contains(d.Driver)) is { } device
            ? $"pool `{pool.Name}` runs a paravirtual hypervisor whose privileged guest runs `{os.Name}`, which has no driver \"{device.Driver}\" for {device.Kind} `{device.Name}` of hardware `{pool.Pool.Hardware?.Name}`; add it to the drivers of `{os.Name}` or give the pool an OS that has it"
            : null;
    }

    /// <summary>Whether two instances may share one machine of <paramref name="pool"/>: the checker's VDL4001–VDL4005 as a pair rule.</summary>
    public bool CanShare(PlanItem a, PlanItem b, PoolMachine pool)
    {
        if (ReferenceEquals(a.App, b.App))
        {
            // Replicas of one application: apart when spread, and never twice in one userland (a host's one `runs`).
            return a.App.Spread != "host" && pool.Boundary != IsolationLevel.Process;
        }

        if (a.Isolation > pool.Boundary || b.Isolation > pool.Boundary)
        {
            return false;
        }

        if (a.App.Zone is { } za && b.App.Zone is { } zb && za != zb && pool.Boundary < IsolationLevel.Vm)
        {
            return false;
        }

        return pool.Boundary > IsolationLevel.Process || (!a.App.Conflicts.Contains(b.App.Name) && !b.App.Conflicts.Contains(a.App.Name));
    }

    /// <summary>The highest level of the profile in each bucket of the horizon (a week from Monday 00:00 by default).</summary>
    internal static double[] BucketLevels(WorkloadProfile? profile, PlanSymbol plan, int buckets)
    {
        var levels = new double[buckets];
        if (profile is null)
        {
            Array.Fill(levels, 1.0);
            return levels;
        }

        if (profile is SpikyProfile)
        {
            // Spikes come at random times per instance: only the peak is safe in every bucket.
            Array.Fill(levels, profile.Peak);
            return levels;
        }

        var sample = Math.Min(SampleSeconds, plan.BucketSeconds);
        for (var b = 0; b < buckets; b++)
        {
            var start = b * plan.BucketSeconds;
            var end = Math.Min(plan.HorizonSeconds, start + plan.BucketSeconds);
            var highest = 0.0;
            for (var t = start; t < end; t += sample)
            {
                highest = Math.Max(highest, profile.Level((long)(t * SimTime.TicksPerSecond), 0));
            }

            levels[b] = highest;
        }

        return levels;
    }

    private static InstanceDemand? Demand(SemanticModel model, ApplicationSymbol app, double[] levels, PoolMachine pool, PlanSymbol plan, out string? refusal, out string? size)
    {
        refusal = null;
        size = null;
        var machine = pool.Machine;
        OsSymbol? guestOs = null;
        string? guestPatch = null;
        if (pool.RunsVms)
        {
            if (!PickGuestPlatform(model, app, machine, machine.HypervisorKind == HypervisorKind.Paravirtual, out guestOs, out guestPatch, out refusal))
            {
                refusal = $"pool `{pool.Name}`: {refusal}";
                return null;
            }
        }
        else
        {
            var os = machine.Os;
            if (app.CertifiedOs.Count > 0 && (os is null || !app.CertifiedOs.Contains(os.Name)))
            {
                refusal = $"it needs {Names(app.CertifiedOs)} and pool `{pool.Name}` runs {(os is null ? "no OS" : $"`{os.Name}`")} on the host{(pool.Boundary == IsolationLevel.Container ? ", which its containers share" : string.Empty)}";
                return null;
            }

            if (app.CertifiedPatch is { } constraint && !Satisfies(constraint, machine.Patch))
            {
                refusal = $"it needs patch \"{constraint.Text}\" and pool `{pool.Name}` is at {(machine.Patch is null ? "no patch level" : $"\"{machine.Patch}\"")}";
                return null;
            }

            if (ReleaseRefusal(app, os) is { } release)
            {
                refusal = $"it needs {release}, the OS of pool `{pool.Name}`";
                return null;
            }
        }

        var mode = machine.Mode;
        var costs = machine.Costs;
        // The same figures the checker's utilization estimate and the simulator charge: the guest's own work with its
        // kernel entries, plus the layer's work for its I/O.
        var own = costs.GuestCpuFactor(app.Io, app.KernelEntriesPerCore, mode);
        var perCore = own + costs.IoPathOf(mode).CpuPerCore(app.OperationsPerCore);
        var cpu = new long[levels.Length];
        var peak = 0L;
        var dynamic = 0.0;
        for (var b = 0; b < levels.Length; b++)
        {
            cpu[b] = (long)Math.Ceiling(app.Cpu * levels[b] * perCore * PoolMachine.MilliCores);
            peak = Math.Max(peak, cpu[b]);
            if (pool.CapacityCores > 0)
            {
                dynamic += (machine.MaxWatts - machine.IdleWatts) * Math.Min(1, cpu[b] / PoolMachine.MilliCores / pool.CapacityCores) * plan.BucketSeconds / 3600;
            }
        }

        long memory;
        long vcpus = 0;
        long vmMemory = 0;
        var appMemory = (long)Math.Ceiling(app.MemoryBytes);
        switch (pool.Boundary)
        {
            case IsolationLevel.Vm:
                // Enough vCPUs for the peak with the run's noise at its highest: a VM never runs more than its vCPUs.
                vcpus = Math.Max(1, (long)Math.Ceiling((app.PeakCpu * own * HighestNoise / machine.Cpu.CoreSpeed) - 1e-9));
                vmMemory = Math.Max(SmallestVmMemory, (appMemory + MiB - 1) / MiB * MiB);
                var spec = new VirtualMachineSpec { Name = app.Name, Vcpus = (int)Math.Min(int.MaxValue, vcpus), MemoryBytes = vmMemory };
                memory = vmMemory + costs.GuestOverheadBytes(spec, mode);
                break;
            case IsolationLevel.Container:
                memory = appMemory + costs.GuestOverheadBytes(new ContainerSpec { Name = app.Name }, mode);
                break;
            default:
                memory = appMemory;
                break;
        }

        var demand = new InstanceDemand
        {
            Cpu = cpu,
            PeakCpu = peak,
            Memory = memory,
            Vcpus = vcpus,
            VmMemory = vmMemory,
            GuestOs = guestOs,
            GuestPatch = guestPatch,
            DynamicWattHours = (long)Math.Round(dynamic),
        };
        var target = plan.Target;
        if (peak > pool.CpuCapacity)
        {
            size = $"{peak / PoolMachine.MilliCores:0.###} reference cores at its peak";
            refusal = $"pool `{pool.Name}` gives {pool.CpuCapacity / PoolMachine.MilliCores:0.###} ({pool.CapacityCores:0.###} × target {target:0.##%}{HaReserveNote(pool)})";
        }
        else if (memory > pool.MemoryCapacity)
        {
            size = $"{memory / (double)MiB:0} MiB of memory with its overhead";
            refusal = $"pool `{pool.Name}` gives {Math.Max(0, pool.MemoryCapacity) / (double)MiB:0} MiB (less the hypervisor's reserve{HaReserveNote(pool)})";
        }
        else if (vcpus > Math.Min(machine.LogicalCpus, pool.VcpuCapacity))
        {
            size = $"{vcpus} vCPUs";
            refusal = $"pool `{pool.Name}` has {machine.LogicalCpus} logical CPUs{(pool.Pool.Cluster is { } cluster ? $" (cpu_overcommit {cluster.CpuOvercommit:0.##}{HaReserveNote(pool)})" : string.Empty)}";
        }

        return refusal is null ? demand : null;
    }

    /// <summary>
    /// The guest OS and patch of an application's VM: the first certified OS the model declares (the pool's own OS when
    /// the application names none), and the first patch level that meets its constraint among the pool's and the
    /// constraint's own bounds.
    /// </summary>
    private static bool PickGuestPlatform(SemanticModel model, ApplicationSymbol app, HostSymbol machine, bool paravirtual, out OsSymbol? os, out string? patch, out string? refusal)
    {
        os = null;
        patch = null;
        refusal = null;
        if (app.CertifiedOs.Count > 0)
        {
            // A paravirtual guest runs a modified kernel: only an OS with `paravirt = true` (the checker's VDL3005).
            var declared = app.CertifiedOs.Select(n => model.Resolve(n) as OsSymbol).OfType<OsSymbol>().ToList();
            os = declared.FirstOrDefault(o => (!paravirtual || o.Paravirt) && ReleaseRefusal(app, o) is null);
            if (os is null)
            {
                refusal = declared.Count == 0 ? $"none of {Names(app.CertifiedOs)} is declared as an `os`"
                    : paravirtual && !declared.Any(o => o.Paravirt) ? $"none of {Names(app.CertifiedOs)} is declared as an `os` with `paravirt = true`, which a guest of its paravirtual hypervisor needs"
                    : $"it needs {ReleaseRefusal(app, declared.First(o => !paravirtual || o.Paravirt))}, and no other of {Names(app.CertifiedOs)} meets it{(paravirtual ? " with `paravirt = true`" : string.Empty)}";
                return false;
            }
        }
        else
        {
            os = machine.Os;
            if (paravirtual && os is { Paravirt: false })
            {
                refusal = $"its guest would run the pool's `{os.Name}`, which has no `paravirt = true` kernel for its paravirtual hypervisor; name a paravirtual OS in the application's `requires`";
                return false;
            }

            if (ReleaseRefusal(app, os) is { } release)
            {
                refusal = $"it needs {release}, the pool's OS its guest would run; name a certified OS in the application's `requires`";
                return false;
            }
        }

        if (app.CertifiedPatch is not { } constraint)
        {
            patch = ReferenceEquals(os, machine.Os) ? machine.Patch : null;
            return true;
        }

        IEnumerable<string?> candidates = [machine.Patch, .. constraint.Clauses
            .Where(c => c.Op is VersionComparison.GreaterOrEqual or VersionComparison.Equal or VersionComparison.LessOrEqual)
            .Select(c => c.Version.Text)];
        patch = candidates.FirstOrDefault(c => Satisfies(constraint, c));
        if (patch is null)
        {
            refusal = $"no patch level vdl plan can pick meets \"{constraint.Text}\"";
            return false;
        }

        return true;
    }

    /// <summary>
    /// What of the application's <c>requires { version, kernel }</c> <paramref name="os"/> does not meet, in the model's
    /// terms; null when it meets both (or neither is written). An OS that declares no version (or kernel) meets none.
    /// </summary>
    private static string? ReleaseRefusal(ApplicationSymbol app, OsSymbol? os)
    {
        static string At(string? level) => level is null ? "none declared" : $"\"{level}\"";
        if (app.CertifiedVersion is { } version && !Satisfies(version, os?.Version))
        {
            return $"OS version \"{version.Text}\" (`{os?.Name}` is at {At(os?.Version)})";
        }

        return app.CertifiedKernel is { } kernel && !Satisfies(kernel, os?.Kernel)
            ? $"kernel \"{kernel.Text}\" (`{os?.Name}` has {At(os?.Kernel)})"
            : null;
    }

    /// <summary>", less the HA reserve of cluster C (R)" when the pool's machines keep one, for the refusals that sizes cause.</summary>
    private static string HaReserveNote(PoolMachine pool) => pool.Reserve > 0 && pool.Pool.Cluster is { } cluster
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", less the HA admission reserve {pool.Reserve:0.#%} of cluster `{cluster.Name}`")
        : string.Empty;

    private static bool Satisfies(VersionConstraint constraint, string? level) =>
        level is not null && VersionGrammar.ParseVersion(level) is { Success: true } parsed && constraint.IsSatisfiedBy(parsed.Value!);

    private static string Names(IReadOnlyList<string> names) => string.Join(" or ", names.Select(n => $"`{n}`"));
}
