using System.Globalization;
using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning;

/// <summary>
/// HA admission control as a constraint of the plan (docs/planning.md, "Clusters"): every placed machine of a pool
/// whose cluster has <c>ha = true</c> keeps its cluster's admission reserve free, a share of its CPU, of its memory ×
/// memory_overcommit and of its vCPUs, so that the cluster's guests leave the reserve free (the checker's VDL4008).
/// The default reserve, one host's share, depends on the hosts the plan uses: planning starts from the most it may
/// use and plans again with 1 ÷ hosts until the reserve holds. The placed model is then checked as <c>vdl check</c>
/// does: when a failed host's guests cannot restart on the others (VDL4007: room split in pieces too small for one
/// guest), the reserve grows by the largest guest's share and the plan is made again.
/// </summary>
internal static class AdmissionReserves
{
    /// <summary>Plans made before giving up (each with the whole time limit): the reserve only grows, so few are needed.</summary>
    private const int MaximumRounds = 8;

    /// <summary>The largest reserve the schema allows (admission_reserve at most 99 %).</summary>
    private const double MaximumReserve = 0.99;

    /// <summary>The least the reserve grows by when the placed model's HA restart does not fit.</summary>
    private const double SmallestStep = 0.02;

    /// <summary>Whether a pool of the plan joins an HA cluster.</summary>
    public static bool Apply(PlanSymbol plan) => plan.Pools.Any(p => p.Cluster is { Ha: true });

    public static PlanResult? Plan(SemanticModel model, PlanSymbol plan, PlanOptions options, List<Diagnostic> diagnostics)
    {
        var clusters = plan.Pools.Select(p => p.Cluster).OfType<ClusterSymbol>().Where(c => c.Ha).Distinct().ToList();
        // The most hosts each cluster may have gives the smallest default reserve: the rounds below only raise it.
        var reserves = clusters.ToDictionary(c => c, c => c.AdmissionReserve
            ?? 1.0 / Math.Max(2, Written(c) + plan.Pools.Where(p => ReferenceEquals(p.Cluster, c)).Sum(p => Usable(p, plan))));
        var why = new Dictionary<ClusterSymbol, string>();
        for (var round = 0; round < MaximumRounds; round++)
        {
            var attempt = new List<Diagnostic>();
            var result = Planner.Plan(model, plan, options, reserves, attempt);
            if (result is null)
            {
                diagnostics.AddRange(Explain(model, plan, options, reserves, attempt));
                return null;
            }

            result = WithStandby(result, clusters, plan, diagnostics);
            if (result is null)
            {
                return null;
            }

            var raised = false;
            foreach (var cluster in clusters.Where(c => c.AdmissionReserve is null))
            {
                var need = 1.0 / Math.Max(2, Written(cluster) + result.Hosts.Count(h => ReferenceEquals(h.Pool.Cluster, cluster)));
                if (need > reserves[cluster] + 1e-12)
                {
                    reserves[cluster] = need;
                    raised = true;
                }
            }

            if (raised)
            {
                continue;
            }

            // The checker decides, with the simulator's own rule for where a guest restarts.
            if (PlacedModelWriter.Write(model, result, [], out var check) is null || check is null)
            {
                return result; // writing it again reports why it cannot be written
            }

            var failing = clusters
                .Select(c => (Cluster: c, Warning: check.Diagnostics.FirstOrDefault(d => WarnsOf(d, c))))
                .Where(f => f.Warning is not null)
                .ToList();
            if (failing.Count == 0)
            {
                return result;
            }

            foreach (var (cluster, warning) in failing)
            {
                why[cluster] = $"{warning!.Code}: {warning.Message}";
                reserves[cluster] = Math.Min(MaximumReserve, reserves[cluster] + Step(cluster, result));
            }
        }

        foreach (var (cluster, message) in why)
        {
            diagnostics.Add(new Diagnostic(PlanningDiagnostics.HaReserveLeavesNoPlan, plan.Declaration,
                [plan.Name, cluster.Name, string.Create(CultureInfo.InvariantCulture, $"after {MaximumRounds} plans with a reserve up to {reserves[cluster]:0.#%} of each machine, the placed model still warns ({message})")]));
        }

        return null;
    }

    /// <summary>
    /// Whether a diagnostic of the placed model is the checker's HA warning (VDL4007, VDL4008) about this cluster: both
    /// take the cluster's name as their first argument, so the descriptor and the argument say it, not the wording.
    /// </summary>
    private static bool WarnsOf(Diagnostic diagnostic, ClusterSymbol cluster) =>
        (diagnostic.Descriptor == CompilerDiagnostics.HaCannotRestartLargestHost || diagnostic.Descriptor == CompilerDiagnostics.HaReserveNotFree)
        && diagnostic.Arguments.Count > 0 && Equals(diagnostic.Arguments[0], cluster.Name);

    /// <summary>The cluster's hosts written in the model (their copies counted), which keep their place in it.</summary>
    private static long Written(ClusterSymbol cluster) => cluster.Hosts.Distinct().Where(h => ReferenceEquals(h.Cluster, cluster)).Sum(h => h.Copies);

    private static long Usable(PoolSymbol pool, PlanSymbol plan) => Math.Max(0, pool.Count - plan.Spare);

    /// <summary>How much more to keep free: the largest guest's share of a machine, its memory or its vCPUs.</summary>
    private static double Step(ClusterSymbol cluster, PlanResult result)
    {
        var largest = 0.0;
        foreach (var host in result.Hosts.Where(h => ReferenceEquals(h.Pool.Cluster, cluster)))
        {
            var machine = host.Pool.Machine;
            foreach (var instance in host.Instances)
            {
                var memory = Math.Max(instance.VmMemoryBytes, instance.App.MemoryBytes);
                largest = Math.Max(largest, memory / Math.Max(1, machine.MemoryBytes * cluster.MemoryOvercommit));
                largest = Math.Max(largest, instance.Vcpus / Math.Max(1, machine.LogicalCpus * cluster.CpuOvercommit));
            }
        }

        return Math.Max(SmallestStep, largest);
    }

    /// <summary>
    /// An HA cluster needs a second host to restart on: when the plan puts one machine in a cluster of no other host,
    /// the next machine of its pool joins empty, as the standby (its reserve, one host's share of two, is a half).
    /// </summary>
    private static PlanResult? WithStandby(PlanResult result, List<ClusterSymbol> clusters, PlanSymbol plan, List<Diagnostic> diagnostics)
    {
        var hosts = result.Hosts.ToList();
        foreach (var cluster in clusters.Where(c => Written(c) == 0))
        {
            var placed = hosts.Where(h => ReferenceEquals(h.Pool.Cluster, cluster)).ToList();
            if (placed.Count != 1)
            {
                continue;
            }

            var pool = placed[0].Pool;
            var used = hosts.Count(h => ReferenceEquals(h.Pool, pool));
            if (used >= Usable(pool, plan))
            {
                diagnostics.Add(new Diagnostic(PlanningDiagnostics.HaReserveLeavesNoPlan, plan.Declaration,
                    [plan.Name, cluster.Name, $"its one placed host, `{placed[0].Name}`, needs another to restart on, and pool `{pool.Name}` has {Usable(pool, plan)} usable (count {pool.Count}, spare {plan.Spare})"]));
                return null;
            }

            hosts.Insert(hosts.IndexOf(placed[0]) + 1, new PlacedHost(PlacedModelWriter.HostName(pool, used + 1), pool, []));
        }

        if (hosts.Count == result.Hosts.Count)
        {
            return result;
        }

        return new PlanResult
        {
            Plan = result.Plan,
            Hosts = hosts,
            HostsPerPool = [.. result.HostsPerPool.Select(p => (p.Pool, hosts.Count(h => ReferenceEquals(h.Pool, p.Pool))))],
            FirstFitHosts = result.FirstFitHosts,
            LowerBound = result.LowerBound,
            Status = result.Status,
            Binding = "ha: the cluster's second host, for restarts",
            // The standby idles over the horizon.
            EnergyKilowattHours = result.EnergyKilowattHours + hosts.Except(result.Hosts).Sum(h => h.Pool.Machine.IdleWatts * plan.HorizonSeconds / 3600 / 1000),
            MeanUtilization = result.MeanUtilization,
            P95Utilization = result.P95Utilization,
            MeanSlowdown = result.MeanSlowdown,
            SolverSeconds = result.SolverSeconds,
            ClockStopped = result.ClockStopped,
        };
    }

    /// <summary>
    /// When no plan keeps the reserve, whether the reserve is why: first-fit-decreasing without it finds one. Then
    /// VDL7008 says so with what went wrong; otherwise the plan's own diagnostics stand.
    /// </summary>
    private static IEnumerable<Diagnostic> Explain(SemanticModel model, PlanSymbol plan, PlanOptions options, Dictionary<ClusterSymbol, double> reserves, List<Diagnostic> attempt)
    {
        if (attempt.Count == 0 || Planner.Plan(model, plan, options with { UseSolver = false }, null, []) is null)
        {
            return attempt;
        }

        return reserves.Select(r => new Diagnostic(PlanningDiagnostics.HaReserveLeavesNoPlan, plan.Declaration,
            [plan.Name, r.Key.Name, string.Create(CultureInfo.InvariantCulture, $"each of its machines keeps {r.Value:0.#%} free ({(r.Key.AdmissionReserve is null ? "one host's share" : "its admission_reserve")}) and then {attempt[0].Message}; without the reserve first-fit-decreasing finds a plan")]));
    }
}
