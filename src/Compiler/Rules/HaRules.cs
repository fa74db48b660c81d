using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// HA restart (docs/language.md, "HA restart"): an HA cluster has another host to restart on (VDL1041); HA settings
/// have an HA cluster to act in (VDL1042); a privileged guest has no restart priority (VDL1043); admission control as
/// vSphere HA does it, with the simulator's own rule for where a guest restarts: the guests of any one host can
/// restart on the others (VDL4007), and the cluster's guests leave its admission reserve free (VDL4008).
/// </summary>
internal sealed class HaRules : IRuleFamily
{
    /// <summary>Guest copies × host copies past which VDL4007 compares sums rather than placing each copy (docs/limits.md).</summary>
    public const double MaximumPlacementSteps = 1_000_000;

    public string Name => "HA";

    public void Check(RuleContext context)
    {
        foreach (var cluster in context.Model.Clusters)
        {
            var policy = cluster.View.Child("policy");
            if (!cluster.Ha)
            {
                foreach (var attribute in (string[])["restart_delay", "admission_reserve"])
                {
                    if (policy.Find(attribute) is not null)
                    {
                        context.Report(CompilerDiagnostics.HaSettingWithoutHa, policy.WhereName(attribute),
                            [$"`{attribute}` of cluster `{cluster.Name}`", "its policy has no `ha = true`"]);
                    }
                }

                continue;
            }

            var hosts = Own(cluster);
            // The machines of pools that join the cluster are hosts a plan adds: VDL1066 says when they are too few.
            var pooled = context.Model.Pools.Any(p => ReferenceEquals(p.Cluster, cluster));
            if (hosts.Sum(h => h.Copies) < 2 && pooled)
            {
                continue;
            }

            if (hosts.Sum(h => h.Copies) < 2)
            {
                context.Report(CompilerDiagnostics.HaWithOneHost, policy.Where("ha"),
                    [cluster.Name, hosts.Count == 0 ? "no host of its own" : $"one host, `{hosts[0].Name}`"]);
                continue;
            }

            CheckLargestHost(context, cluster, policy, hosts);
            CheckReserve(context, cluster, policy, hosts);
        }

        foreach (var host in context.Model.Hosts)
        {
            foreach (var guest in host.Guests.Where(g => g.View.Find("restart_priority") is not null))
            {
                if (guest.Privileged)
                {
                    context.Report(CompilerDiagnostics.RestartPriorityOnPrivilegedGuest, guest.View.Where("restart_priority"), [guest.Name, host.Name]);
                }
                else if (host.Cluster is not { Ha: true })
                {
                    context.Report(CompilerDiagnostics.HaSettingWithoutHa, guest.View.WhereName("restart_priority"),
                        [$"`restart_priority` of {guest.Kind} `{guest.Name}`",
                            host.Cluster is { } c ? $"its host `{host.Name}` is in cluster `{c.Name}`, whose policy has no `ha = true`" : $"its host `{host.Name}` is in no cluster"]);
                }
            }
        }
    }

    /// <summary>The hosts whose policy is this cluster's (a host in two clusters takes the first's).</summary>
    private static List<HostSymbol> Own(ClusterSymbol cluster) =>
        [.. cluster.Hosts.Distinct().Where(h => ReferenceEquals(h.Cluster, cluster))];

    /// <summary>
    /// VDL4007: each host in turn fails, the one whose restartable guests hold the most memory first; its guests restart as the simulator does
    /// it (priority, then declaration order; each on the other host with the most free memory under the overcommit
    /// that can run it and has its vCPUs). A guest that finds no room is reported with what it needs and the most free.
    /// Hosts made by <c>count</c> are one symbol: a copy's room is counted once per copy.
    /// </summary>
    private static void CheckLargestHost(RuleContext context, ClusterSymbol cluster, BlockView policy, List<HostSymbol> hosts)
    {
        // Every host may be the one that fails: the ones whose restartable guests hold the most memory are tried first,
        // and the first that cannot be absorbed is reported (copies of one host are the same machine: tried once).
        var hostCopies = hosts.Sum(h => (double)h.Copies);
        var order = hosts.OrderByDescending(h => Restartable(h).Sum(g => ResourceRules.HeldMemory(g) * g.Copies)).ToList();
        var exact = order.Sum(h => Restartable(h).Sum(g => (double)g.Copies)) * hostCopies <= MaximumPlacementSteps;
        foreach (var failed in order)
        {
            var restartable = Restartable(failed).OrderBy(g => Rank(g.RestartPriority)).ToList();
            if (restartable.Count > 0 && (exact ? Absorbs(context, cluster, policy, hosts, failed, restartable) : CheckLargestHostInAggregate(context, cluster, policy, hosts, failed, restartable)) is false)
            {
                return;
            }
        }
    }

    /// <summary>Places the failed host's guests on the others one copy at a time; false when one finds no room (reported).</summary>
    private static bool Absorbs(RuleContext context, ClusterSymbol cluster, BlockView policy, List<HostSymbol> hosts, HostSymbol failed, List<GuestSymbol> restartable)
    {
        var survivors = new List<Room>();
        foreach (var host in hosts)
        {
            for (var k = ReferenceEquals(host, failed) ? 1 : 0; k < host.Copies; k++)
            {
                survivors.Add(new Room(host, FreeMemory(cluster, host), FreeVcpus(cluster, host)));
            }
        }

        foreach (var guest in restartable)
        {
            var spec = Spec(guest);
            var candidates = survivors.Where(r => CanRun(r.Host, failed, guest)).ToList();
            for (var k = 0L; k < guest.Copies; k++)
            {
                var fits = candidates
                    .Where(r => r.Memory >= ResourceRules.HeldMemory(guest) + r.Host.Costs.GuestOverheadBytes(spec, r.Host.Mode) && r.Vcpus >= (guest.IsVm ? guest.Vcpus : 0))
                    .OrderByDescending(r => r.Memory)
                    .FirstOrDefault();
                if (fits is null)
                {
                    var most = candidates.OrderByDescending(r => r.Memory).FirstOrDefault();
                    var free = most is null ? NoCompatibleHost(failed, guest)
                        : $"the most free is {(double.IsFinite(most.Memory) ? Amounts.Bytes(Math.Max(0, most.Memory)) : "unbounded memory")}{(guest.IsVm && double.IsFinite(most.Vcpus) ? $" and {Amounts.Count((long)Math.Max(0, Math.Floor(most.Vcpus)), "vCPU")}" : string.Empty)} on `{most.Host.Name}`";
                    Report(context, cluster, policy, failed, guest, Need(guest), free);
                    return false;
                }

                fits.Memory -= ResourceRules.HeldMemory(guest) + fits.Host.Costs.GuestOverheadBytes(spec, fits.Host.Mode);
                fits.Vcpus -= guest.IsVm ? guest.Vcpus : 0;
            }
        }

        return true;
    }

    /// <summary>
    /// Past <see cref="MaximumPlacementSteps"/> guest copies × host copies, VDL4007 compares sums instead of placing each
    /// copy: every restartable guest of the failed host against the free memory and vCPUs of the other hosts that can
    /// run it. It misses room split into pieces too small for one guest, never reports what placing would fit.
    /// </summary>
    private static bool CheckLargestHostInAggregate(RuleContext context, ClusterSymbol cluster, BlockView policy, List<HostSymbol> hosts, HostSymbol failed, List<GuestSymbol> restartable)
    {
        foreach (var group in restartable.GroupBy(g => g.IsVm))
        {
            var first = group.First();
            var others = hosts.Select(h => (Host: h, Copies: ReferenceEquals(h, failed) ? h.Copies - 1 : h.Copies)).Where(h => h.Copies > 0 && CanRun(h.Host, failed, first)).ToList();
            var freeMemory = others.Sum(h => FreeMemory(cluster, h.Host) * h.Copies);
            var freeVcpus = others.Sum(h => FreeVcpus(cluster, h.Host) * h.Copies);
            var needMemory = group.Sum(g => ResourceRules.HeldMemory(g) * g.Copies);
            var needVcpus = group.Where(g => g.IsVm).Sum(g => (double)g.Vcpus * g.Copies);
            if (others.Count == 0 || freeMemory < needMemory || freeVcpus < needVcpus)
            {
                var free = others.Count == 0 ? NoCompatibleHost(failed, first)
                    : $"the other hosts have {(double.IsFinite(freeMemory) ? Amounts.Bytes(Math.Max(0, freeMemory)) : "unbounded memory")}{(first.IsVm && double.IsFinite(freeVcpus) ? $" and {Amounts.Number(Math.Max(0, Math.Floor(freeVcpus)))} vCPUs" : string.Empty)} free in all";
                var need = $"{Amounts.Bytes(needMemory)}{(first.IsVm ? $" and {Amounts.Number(needVcpus)} vCPUs" : string.Empty)} in all";
                Report(context, cluster, policy, failed, first, need, free, $"its {(first.IsVm ? "VMs" : "containers")}");
                return false;
            }
        }

        return true;
    }

    private static void Report(RuleContext context, ClusterSymbol cluster, BlockView policy, HostSymbol failed, GuestSymbol guest, string need, string free, string? who = null) =>
        context.Report(CompilerDiagnostics.HaCannotRestartLargestHost, policy.Where("ha"),
            [cluster.Name, failed.Name, who ?? $"{guest.Kind} `{guest.Name}`", need, free],
            new RelatedLocation(guest.Declaration, $"{guest.Kind} `{guest.Name}` on `{failed.Name}`"));

    private static string Need(GuestSymbol guest) =>
        $"{Amounts.Bytes(ResourceRules.HeldMemory(guest))}{(guest.IsVm ? $" and {Amounts.Count(guest.Vcpus, "vCPU")}" : string.Empty)}";

    private static string NoCompatibleHost(HostSymbol failed, GuestSymbol guest) => guest.IsVm
        ? $"no other host runs a `{ModelNames.ToName(failed.HypervisorKind)}` hypervisor"
        : "no other host is os_level with the same OS at a patch level its applications are certified for";

    /// <summary>A host's memory × the overcommit, less its hypervisor's reserve and overheads and what its guests and applications hold; unknown memory is unbounded.</summary>
    private static double FreeMemory(ClusterSymbol cluster, HostSymbol host) => host.MemoryBytes > 0
        ? (host.MemoryBytes * cluster.MemoryOvercommit) - ResourceRules.Overhead(host) - host.Guests.Sum(g => ResourceRules.HeldMemory(g) * g.Copies) - host.Runs.Sum(a => a.MemoryBytes)
        : double.PositiveInfinity;

    private static double FreeVcpus(ClusterSymbol cluster, HostSymbol host) => host.LogicalCpus > 0
        ? (host.LogicalCpus * cluster.CpuOvercommit) - host.Guests.Where(g => g.IsVm).Sum(g => (double)g.Vcpus * g.Copies)
        : double.PositiveInfinity;

    /// <summary>VDL4008: what the cluster's guests hold of its memory and vCPUs leaves less than the admission reserve free.</summary>
    private static void CheckReserve(RuleContext context, ClusterSymbol cluster, BlockView policy, List<HostSymbol> hosts)
    {
        var reserve = cluster.EffectiveAdmissionReserve;
        var known = hosts.Where(h => h.MemoryBytes > 0).ToList();
        var capacity = known.Sum(h => h.MemoryBytes * cluster.MemoryOvercommit * h.Copies);
        var held = known.Sum(h => (ResourceRules.Overhead(h) + h.Guests.Sum(g => ResourceRules.HeldMemory(g) * g.Copies) + h.Runs.Sum(a => a.MemoryBytes)) * h.Copies);
        var where = cluster.AdmissionReserve is null ? policy.Where("ha") : policy.Where("admission_reserve");
        var written = cluster.AdmissionReserve is null ? $"one host's share, {Amounts.Percent(reserve)}" : Amounts.Percent(reserve);
        if (capacity > 0 && held > capacity * (1 - reserve))
        {
            context.Report(CompilerDiagnostics.HaReserveNotFree, where,
                [cluster.Name, $"memory {Amounts.Bytes(held)} of {Amounts.Bytes(capacity)}", Amounts.Percent(held / capacity), written]);
            return;
        }

        var cpus = hosts.Where(h => h.LogicalCpus > 0).ToList();
        var vcpuCapacity = cpus.Sum(h => h.LogicalCpus * cluster.CpuOvercommit * h.Copies);
        var vcpus = cpus.Sum(h => h.Guests.Where(g => g.IsVm).Sum(g => g.Vcpus * g.Copies) * (double)h.Copies);
        if (vcpuCapacity > 0 && vcpus > vcpuCapacity * (1 - reserve))
        {
            context.Report(CompilerDiagnostics.HaReserveNotFree, where,
                [cluster.Name, $"{Amounts.Number(vcpus)} vCPUs of the {Amounts.Number(vcpuCapacity)} the cpu_overcommit allows", Amounts.Percent(vcpus / vcpuCapacity), written]);
        }
    }

    private static IEnumerable<GuestSymbol> Restartable(HostSymbol host) =>
        host.Guests.Where(g => !g.Privileged && g.RestartPriority != RestartPriority.Disabled);

    /// <summary>As the simulator decides it: a VM under the same hypervisor kind; a container under os_level, same OS, a certified patch.</summary>
    private static bool CanRun(HostSymbol host, HostSymbol failed, GuestSymbol guest)
    {
        if (guest.IsVm)
        {
            return host.HypervisorKind == failed.HypervisorKind;
        }

        return host.HypervisorKind == HypervisorKind.OsLevel
            && host.Os?.Name == failed.Os?.Name
            && guest.Runs.All(a => a.CertifiedPatch is not { } constraint || PatchLevelOk(constraint, host.Patch));
    }

    private static bool PatchLevelOk(Language.Literals.VersionConstraint constraint, string? level) =>
        new PatchRequirement([.. constraint.Clauses.Select(c => (Lowering.ModelLowering.Comparison(c.Op), c.Version.Text))], constraint.Text).IsSatisfiedBy(level);

    private static GuestSpec Spec(GuestSymbol guest) => guest.IsVm
        ? new VirtualMachineSpec { Name = guest.Name, Vcpus = (int)Math.Clamp(guest.Vcpus, 1, int.MaxValue), MemoryBytes = (long)guest.MemoryBytes }
        : new ContainerSpec { Name = guest.Name };

    private static int Rank(RestartPriority priority) => priority switch
    {
        RestartPriority.High => 0,
        RestartPriority.Medium => 1,
        _ => 2,
    };

    private sealed class Room(HostSymbol host, double memory, double vcpus)
    {
        public HostSymbol Host { get; } = host;

        public double Memory { get; set; } = memory;

        public double Vcpus { get; set; } = vcpus;
    }
}
