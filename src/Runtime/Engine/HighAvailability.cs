using System.Globalization;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// HA restart (docs/simulation.md, "HA restart"), as vSphere HA without DRS: when a host of a cluster with HA fails,
/// after the cluster's restart delay its guests restart on the cluster's other hosts that are up and have room, high
/// priority first, then in declaration order, each on the host with the most free memory (ties: the cluster's order),
/// and are up after their boot time. A guest that finds no room stays down with its host (<c>ha-failed</c>) and is
/// placed again whenever a host of its cluster comes back, until its own host is repaired. Restarted
/// guests stay where they restarted when the failed host is repaired. Exists only in a run whose topology has a
/// cluster with HA, so every other run is the same as without it.
/// </summary>
internal sealed class HighAvailability : IEventTarget
{
    private const int Detected = 0;
    private const int Booted = 1;
    private const int Retry = 2;
    private const int KindBits = 2;
    private const int FingerprintKindBase = 8;

    private readonly SimulationRun _run;
    private readonly Dictionary<HostState, Cluster> _clusterOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GuestState, int> _order = new(ReferenceEqualityComparer.Instance);
    private readonly List<GuestState> _guests = [];

    // The DownSince of the outage each host's restarts were last made for: one round of restarts per outage.
    private readonly Dictionary<HostState, long> _handled = new(ReferenceEqualityComparer.Instance);

    // Guests that found no room, with the host they failed with, in restart order: placed again when a host of their
    // cluster comes back (vSphere HA "waits for more unreserved capacity ... and then retries the placement").
    private readonly List<(GuestState Guest, HostState Failed, Cluster Cluster)> _waiting = [];

    public HighAvailability(SimulationRun run, IReadOnlyList<ClusterSpec> clusters, List<string> problems)
    {
        _run = run;
        foreach (var spec in clusters)
        {
            if (spec.RestartDelay < 0 || spec.RestartDelay > Scenarios.ScenarioLimits.MaxTime)
            {
                problems.Add($"cluster '{spec.Name}': the HA restart delay must be at least 0 and at most {SimTime.Format(Scenarios.ScenarioLimits.MaxTime)}");
            }

            if (spec.AdmissionReserve is { } reserve && !(reserve >= 0 && reserve < 1))
            {
                problems.Add($"cluster '{spec.Name}': the admission reserve must be at least 0 and below 100 %");
            }

            var hosts = new List<HostState>();
            foreach (var hostSpec in spec.Hosts)
            {
                if (!run.HostsByName.TryGetValue(hostSpec.Name, out var host))
                {
                    problems.Add($"cluster '{spec.Name}': no host is named '{hostSpec.Name}'");
                    continue;
                }

                hosts.Add(host);
            }

            var cluster = new Cluster(spec, hosts);
            foreach (var host in hosts)
            {
                _clusterOf.TryAdd(host, cluster); // a host in two clusters takes the first's policy, as the checker says
            }
        }

        foreach (var host in run.Hosts)
        {
            foreach (var guest in host.Guests)
            {
                _order.Add(guest, _guests.Count);
                _guests.Add(guest);
            }
        }
    }

    private long Now => _run.Kernel.Now;

    /// <summary>A host went down unplanned (failed or crashed): its cluster, if it has HA, restarts its guests after the delay.</summary>
    public void HostFailed(HostState host)
    {
        // Every cluster is mapped, HA or not, so that a host in two clusters follows the first's policy.
        if (_clusterOf.TryGetValue(host, out var cluster) && cluster.Spec.Ha)
        {
            _run.Kernel.Schedule(cluster.Spec.RestartDelay, this, (host.Index << KindBits) | Detected, SimulationRun.ScenarioPriority);
        }
    }

    /// <summary>A host is up again: if guests of its cluster wait for room, they are placed again, now.</summary>
    public void HostRecovered(HostState host)
    {
        if (_waiting.Count > 0 && _clusterOf.TryGetValue(host, out var cluster) && cluster.Spec.Ha && _waiting.Exists(w => ReferenceEquals(w.Cluster, cluster)))
        {
            _run.Kernel.Schedule(0, this, (host.Index << KindBits) | Retry, SimulationRun.ScenarioPriority);
        }
    }

    public void Handle(int kind)
    {
        var index = kind >> KindBits;
        var what = kind & ((1 << KindBits) - 1);
        _run.Fingerprint.Add(Now, FingerprintKindBase + what, index);
        switch (what)
        {
            case Detected:
                RestartGuestsOf(_run.Hosts[index]);
                break;
            case Booted:
                Boot(_guests[index]);
                break;
            default:
                RetryWaiting(_run.Hosts[index]);
                break;
        }
    }

    private void RestartGuestsOf(HostState failed)
    {
        // Only a host still down since before the delay began, and once per outage: a host back up (a crash's reboot
        // shorter than the delay) keeps its guests; a second failure during the same outage restarts nothing more.
        var cluster = _clusterOf[failed];
        if (failed.IsUp || failed.DownSince > Now - cluster.Spec.RestartDelay
            || (_handled.TryGetValue(failed, out var handled) && handled == failed.DownSince))
        {
            return;
        }

        _handled[failed] = failed.DownSince;
        var candidates = failed.Guests
            .Where(g => g.Kind != GuestKind.Process && !g.Privileged && g.Spec?.RestartPriority != RestartPriority.Disabled)
            .OrderBy(g => Rank(g.Spec!.RestartPriority))
            .ThenBy(g => _order[g])
            .ToList();
        foreach (var guest in candidates)
        {
            if (guest.Migrating)
            {
                _run.Record("ha-failed", guest.Name, $"cannot restart from {failed.Spec.Name}: a live migration of it is in flight (it stays with its host)");
                continue;
            }

            var (target, reason) = Choose(cluster, failed, guest);
            if (target is null)
            {
                _run.Record("ha-failed", guest.Name, $"cannot restart from {failed.Spec.Name} in cluster {cluster.Spec.Name}: {reason}; it stays down with its host, and is placed again when a host of the cluster comes back");
                _waiting.Add((guest, failed, cluster));
                continue;
            }

            Restart(guest, failed, target, cluster, $"{SimTime.Format(cluster.Spec.RestartDelay)} after the failure");
        }
    }

    /// <summary>
    /// The guests of <paramref name="recovered"/>'s cluster that waited for room, in their restart order: those whose
    /// own host is still down and that are still on it are placed again; the rest (back with their host) stop waiting.
    /// </summary>
    private void RetryWaiting(HostState recovered)
    {
        var cluster = _clusterOf[recovered];
        var waiting = _waiting.Where(w => ReferenceEquals(w.Cluster, cluster)).ToList();
        foreach (var entry in waiting)
        {
            var (guest, failed, _) = entry;
            if (failed.IsUp || !ReferenceEquals(guest.Host, failed) || guest.Migrating)
            {
                _waiting.Remove(entry);
                continue;
            }

            var (target, _) = Choose(cluster, failed, guest);
            if (target is not null)
            {
                _waiting.Remove(entry);
                Restart(guest, failed, target, cluster, $"when {recovered.Spec.Name} came back with room");
            }
        }
    }

    private void Restart(GuestState guest, HostState failed, HostState target, Cluster cluster, string when)
    {
        _run.Move(guest, failed, target);
        var boot = guest.Kind == GuestKind.Container ? _run.Options.Timings.ContainerRestart : _run.Options.Timings.VmRestart;
        _run.Record("ha-restart", guest.Name, string.Create(CultureInfo.InvariantCulture,
            $"from {failed.Spec.Name} to {target.Spec.Name} (priority {ModelNames.ToName(guest.Spec!.RestartPriority)}), {when}; boots in {SimTime.Format(boot)}"));
        _run.Kernel.Schedule(boot, this, (_order[guest] << KindBits) | Booted, SimulationRun.ScenarioPriority);
    }

    private void Boot(GuestState guest)
    {
        _run.BringUp(guest);
        guest.CodeCacheColdSince = Now;
        _run.Record("restart", guest.Name, guest.IsUp
            ? $"back up on {guest.Host.Spec.Name} after an HA restart"
            : $"booted on {guest.Host.Spec.Name} after an HA restart, but still down for another reason");
    }

    /// <summary>The surviving host with the most free memory that can run the guest and has room for it; else why none.</summary>
    private (HostState? Target, string Reason) Choose(Cluster cluster, HostState failed, GuestState guest)
    {
        HostState? best = null;
        var bestFree = double.NegativeInfinity;
        HostState? largest = null;
        var largestFree = double.NegativeInfinity;
        var largestVcpus = 0.0;
        var compatible = 0;
        var needMemory = HeldMemory(guest);
        var needVcpus = guest.Spec is VirtualMachineSpec vm ? vm.Vcpus : 0;
        foreach (var host in cluster.Hosts)
        {
            if (ReferenceEquals(host, failed) || !host.IsUp || !CanRun(host, failed, guest))
            {
                continue;
            }

            compatible++;
            var free = FreeMemory(cluster.Spec, host);
            var need = HeldMemory(guest) + host.Cost.GuestOverheadBytes(guest.Spec!, host.Mode);
            var vcpusFree = (cluster.Spec.CpuOvercommit * host.Spec.Cpu.LogicalCpus) - host.Guests.Sum(g => g.Spec is VirtualMachineSpec v ? v.Vcpus : 0);
            if (free > largestFree)
            {
                (largest, largestFree, needMemory, largestVcpus) = (host, free, need, vcpusFree);
            }

            if (free >= need && vcpusFree >= needVcpus && free > bestFree)
            {
                (best, bestFree) = (host, free);
            }
        }

        if (best is not null)
        {
            return (best, string.Empty);
        }

        if (compatible == 0)
        {
            return (null, guest.Kind == GuestKind.Container
                ? $"no other host of the cluster is up under os_level with {failed.Spec.Os?.Name ?? "its OS"} at a patch level its applications are certified for"
                : $"no other host of the cluster is up under a {ModelNames.ToName(failed.Spec.Hypervisor.Kind)} hypervisor");
        }

        var vcpus = needVcpus > 0 ? $" and {needVcpus} vCPUs" : string.Empty;
        var vcpusFreeThere = needVcpus > 0 ? string.Create(CultureInfo.InvariantCulture, $" and {Math.Max(0, Math.Floor(largestVcpus))} vCPUs") : string.Empty;
        return (null, $"needs {Gib(needMemory)} GiB with its overhead{vcpus}, but the most free on a surviving host is {Gib(Math.Max(0, largestFree))} GiB{vcpusFreeThere} ({largest!.Spec.Name}) under memory_overcommit {cluster.Spec.MemoryOvercommit.ToString("0.##", CultureInfo.InvariantCulture)} and cpu_overcommit {cluster.Spec.CpuOvercommit.ToString("0.##", CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// A VM restarts under the same hypervisor kind; a container only under os_level, on a host of the same OS whose
    /// patch level its applications are certified for (it runs that host's kernel).
    /// </summary>
    private static bool CanRun(HostState host, HostState failed, GuestState guest)
    {
        var kind = host.Spec.Hypervisor.Kind;
        if (guest.Kind == GuestKind.VirtualMachine)
        {
            return kind == failed.Spec.Hypervisor.Kind;
        }

        if (kind != HypervisorKind.OsLevel || host.Spec.Os?.Name != failed.Spec.Os?.Name)
        {
            return false;
        }

        foreach (var instance in guest.Instances)
        {
            if (instance.Application.Spec.CertifiedPatch is { } requirement && !requirement.IsSatisfiedBy(host.Patch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What the host may still give a guest under the cluster's memory overcommit: its memory × the overcommit, less
    /// its hypervisor's reserve and what each guest on it holds with its overhead (up or down, restarted there or not).
    /// A host of unknown memory (0) has room for anything.
    /// </summary>
    private static double FreeMemory(ClusterSpec cluster, HostState host)
    {
        if (host.Spec.MemoryBytes <= 0)
        {
            return double.PositiveInfinity;
        }

        var held = (double)host.Cost.ReservedMemoryBytes;
        foreach (var guest in host.Guests)
        {
            held += HeldMemory(guest) + (guest.Spec is null ? 0 : host.Cost.GuestOverheadBytes(guest.Spec, host.Mode));
        }

        return (host.Spec.MemoryBytes * cluster.MemoryOvercommit) - held;
    }

    /// <summary>A VM its configured memory (its applications' without one); a container its applications', at most its limit.</summary>
    private static double HeldMemory(GuestState guest) => guest.Spec switch
    {
        VirtualMachineSpec { MemoryBytes: > 0 } vm => vm.MemoryBytes,
        ContainerSpec { MemoryLimitBytes: { } limit } => Math.Min(limit, guest.AppMemoryBytes),
        _ => guest.AppMemoryBytes,
    };

    private static int Rank(RestartPriority priority) => priority switch
    {
        RestartPriority.High => 0,
        RestartPriority.Medium => 1,
        RestartPriority.Low => 2,
        _ => 3,
    };

    private static string Gib(double bytes) => double.IsFinite(bytes) ? (bytes / (1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) : "unbounded";

    private sealed record Cluster(ClusterSpec Spec, List<HostState> Hosts);
}
