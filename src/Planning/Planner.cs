using System.Diagnostics;
using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning;

/// <summary>
/// <c>vdl plan</c>'s core: builds the packing problem of a plan, packs it first-fit-decreasing, improves it with
/// CP-SAT when the model is small enough, and explains in the model's terms when no plan exists.
/// </summary>
public static class Planner
{
    /// <summary>Plans <paramref name="plan"/> of <paramref name="model"/>, or returns null with the diagnostics that say why not.</summary>
    public static PlanResult? Plan(SemanticModel model, PlanSymbol plan, PlanOptions options, List<Diagnostic> diagnostics) =>
        AdmissionReserves.Apply(plan) ? AdmissionReserves.Plan(model, plan, options, diagnostics) : Plan(model, plan, options, null, diagnostics);

    /// <summary>One plan with the machines of HA clusters keeping <paramref name="reserves"/> free (null: no reserve).</summary>
    internal static PlanResult? Plan(SemanticModel model, PlanSymbol plan, PlanOptions options, IReadOnlyDictionary<ClusterSymbol, double>? reserves, List<Diagnostic> diagnostics)
    {
        var problem = PlanningProblem.Build(model, plan, diagnostics, reserves);
        if (problem is null)
        {
            return null;
        }

        var ffd = FirstFitDecreasing.Pack(problem, out var unplaced);
        if (ffd is null)
        {
            // A tight plan first-fit-decreasing cannot pack may still exist: the exact search decides before VDL7004.
            return Exact(problem, options, unplaced!, diagnostics);
        }

        var (bound, boundWhy) = LowerBound.Of(problem);
        var best = ffd;
        var status = PlanStatus.Heuristic;
        double seconds = 0;
        var clockStopped = false;
        var ffdHosts = ffd.HostCount(problem.Pools.Count);
        var byHosts = plan.Objective == "hosts";
        var optimalByBound = byHosts && ffdHosts <= bound;
        if (options.UseSolver && !optimalByBound && problem.Items.Count > 0)
        {
            var watch = Stopwatch.StartNew();
            var left = options.TimeLimit.TotalSeconds;
            // Large-neighbourhood search first, under either objective: it improves plans of any size. When the exact
            // model is small enough to follow (to prove, or to improve further), it gets half the time limit, else all of it.
            var exactLimit = Math.Min(options.MaximumProvingTerms, options.MaximumModelTerms);
            var exactFollows = CpSatPacker.Terms(problem, CpSatPacker.Machines(problem, ffd)) <= exactLimit;
            var budget = exactFollows ? left / 2 : left;
            var searched = NeighbourhoodSearch.Improve(problem, ffd, bound, budget, budget * CpSatPacker.WallClockFactor);
            left -= searched.DeterministicSeconds;
            clockStopped = searched.ClockStopped;
            if (Score(problem, searched.Plan) < Score(problem, ffd))
            {
                best = searched.Plan;
                status = PlanStatus.Feasible;
            }

            var machines = CpSatPacker.Machines(problem, best);
            if ((!byHosts || best.HostCount(problem.Pools.Count) > bound) && left > 0 && CpSatPacker.Terms(problem, machines) <= exactLimit)
            {
                var outcome = CpSatPacker.Solve(problem, best, machines, TimeSpan.FromSeconds(left));
                clockStopped |= outcome.ClockStopped;
                if (outcome.Plan is { } solved && Score(problem, solved) <= Score(problem, best))
                {
                    best = solved;
                    status = outcome.Optimal ? PlanStatus.Optimal : PlanStatus.Feasible;
                    if (byHosts)
                    {
                        bound = Math.Max(bound, (int)Math.Ceiling(outcome.Bound - 1e-6));
                    }
                }
            }

            seconds = watch.Elapsed.TotalSeconds;
        }

        if (byHosts && best.HostCount(problem.Pools.Count) <= bound)
        {
            status = PlanStatus.Optimal; // the plan meets the proven lower bound
        }

        return Result(problem, best, ffdHosts, Math.Min(bound, best.HostCount(problem.Pools.Count)), boundWhy, status, seconds, clockStopped);
    }

    /// <summary>
    /// CP-SAT alone, offered every usable machine, when first-fit-decreasing found no plan; VDL7004 when it proves there
    /// is none, finds none within the time limit, or may not run.
    /// </summary>
    private static PlanResult? Exact(PlanningProblem problem, PlanOptions options, PlanItem unplaced, List<Diagnostic> diagnostics)
    {
        var plan = problem.Plan;
        var machines = problem.Pools.Select((pool, p) => Math.Min(pool.Usable, problem.Items.Count(i => problem.Demands[i.Index, p] is not null))).ToArray();
        if (options.UseSolver && CpSatPacker.Terms(problem, machines) <= options.MaximumModelTerms)
        {
            var outcome = CpSatPacker.Solve(problem, null, machines, options.TimeLimit);
            if (outcome.Plan is { } solved)
            {
                var (bound, boundWhy) = LowerBound.Of(problem);
                if (plan.Objective == "hosts")
                {
                    bound = Math.Max(bound, (int)Math.Ceiling(outcome.Bound - 1e-6));
                }

                var status = outcome.Optimal ? PlanStatus.Optimal : PlanStatus.Feasible;
                return Result(problem, solved, null, Math.Min(bound, solved.HostCount(problem.Pools.Count)), boundWhy, status, outcome.WallSeconds, outcome.ClockStopped);
            }
        }

        diagnostics.Add(problem.SpansSites[unplaced.AppIndex]
            ? new Diagnostic(PlanningDiagnostics.SitesUnbalanced, plan.Declaration, [plan.Name, unplaced.App.Name, WhyUnbalanced(problem, unplaced)])
            : new Diagnostic(PlanningDiagnostics.PoolsFull, plan.Declaration, [plan.Name, WhyFull(problem, unplaced)]));
        return null;
    }

    /// <summary>VDL7012's reason: the cap the balance sets, and the sites with their pools, where no machine had room.</summary>
    private static string WhyUnbalanced(PlanningProblem problem, PlanItem item)
    {
        var replicas = item.App.Replicas;
        var sites = problem.SitesOfApp[item.AppIndex];
        var cap = problem.SiteCap[item.AppIndex];
        var pools = problem.Pools.Select((pool, p) => (Pool: pool, Index: p)).Where(p => problem.Demands[item.Index, p.Index] is not null)
            .GroupBy(p => problem.SiteOfPool[p.Index])
            .Select(g => $"{(g.First().Pool.Pool.Site is { } site ? $"site `{site.Name}`" : "no site")} ({string.Join(", ", g.Select(p => $"pool `{p.Pool.Name}`: {p.Pool.Usable} usable"))})");
        return $"at most {cap} of its {replicas} replicas may stand in one site (⌈{replicas} ÷ {sites} sites⌉, so that losing any one site keeps the most of them serving), "
            + $"and instance {item.Replica} finds no machine with room in a site that holds fewer: {string.Join("; ", pools)}; "
            + "add machines to a pool of the site with fewer, lower `spare` or raise `target`, or plan it on the pools of one site (the plan's `pools`)";
    }

    /// <summary>The objective of a packing, as the solver counts it: machines, or watt-hours.</summary>
    private static double Score(PlanningProblem problem, PackedPlan packed) =>
        problem.Plan.Objective == "energy" ? PlanEnergy.Of(problem, packed) : packed.HostCount(problem.Pools.Count);

    private static PlanResult Result(PlanningProblem problem, PackedPlan packed, int? ffdHosts, int bound, string boundWhy, PlanStatus status, double seconds, bool clockStopped)
    {
        packed = packed.Normalized(problem.Pools.Count);
        var pools = problem.Pools;
        var perPool = packed.HostsPerPool(pools.Count);
        var hosts = new List<PlacedHost>();
        var loads = new List<(HostLoad Load, PoolMachine Pool)>();
        for (var p = 0; p < pools.Count; p++)
        {
            for (var k = 0; k < perPool[p]; k++)
            {
                var load = new HostLoad(problem.Buckets);
                var instances = new List<PlacedInstance>();
                foreach (var item in problem.Items.Where(i => packed.Pool[i.Index] == p && packed.Host[i.Index] == k))
                {
                    var d = problem.Demands[item.Index, p]!;
                    load.Add(item, d);
                    instances.Add(new PlacedInstance(item.App, item.Replica, d.Vcpus, d.VmMemory, d.GuestOs, d.GuestPatch) { Shares = Math.Clamp(d.PeakCpu / 10, 1, 100_000) });
                }

                loads.Add((load, pools[p]));
                hosts.Add(new PlacedHost(PlacedModelWriter.HostName(pools[p].Pool, k + 1), pools[p].Pool, instances));
            }
        }

        var hours = problem.Plan.BucketSeconds / 3600;
        var energy = loads.Sum(l => l.Load.Cpu.Sum(c =>
            (l.Pool.Machine.IdleWatts + ((l.Pool.Machine.MaxWatts - l.Pool.Machine.IdleWatts) * Math.Min(1, c / PoolMachine.MilliCores / Math.Max(1e-9, l.Pool.CapacityCores)))) * hours)) / 1000;
        var utilizations = loads.SelectMany(l => l.Load.Cpu.Select(c => c / PoolMachine.MilliCores / Math.Max(1e-9, l.Pool.CapacityCores))).Order().ToList();
        var slowdowns = problem.Items.Select(i =>
        {
            var machine = pools[packed.Pool[i.Index]].Machine;
            return (Weight: i.App.MeanCpu, Slowdown: machine.Costs.Slowdown(i.App.Io, i.App.OperationsPerCore, machine.Mode));
        }).ToList();
        var weight = slowdowns.Sum(s => s.Weight);
        return new PlanResult
        {
            MeanUtilization = utilizations.Count == 0 ? 0 : utilizations.Average(),
            P95Utilization = utilizations.Count == 0 ? 0 : utilizations[Math.Min(utilizations.Count - 1, (int)Math.Ceiling(0.95 * utilizations.Count) - 1)],
            MeanSlowdown = weight > 0 ? slowdowns.Sum(s => s.Weight * s.Slowdown) / weight : 1,
            Plan = problem.Plan,
            Hosts = hosts,
            HostsPerPool = [.. pools.Select((pool, p) => (pool.Pool, perPool[p]))],
            FirstFitHosts = ffdHosts,
            LowerBound = bound,
            Status = status,
            Binding = Binding(loads, hosts.Count, bound, boundWhy),
            EnergyKilowattHours = energy,
            SolverSeconds = seconds,
            ClockStopped = clockStopped,
        };
    }

    /// <summary>The resource closest to its limit on the placed machines, or the rule that sets the bound the plan meets.</summary>
    private static string Binding(List<(HostLoad Load, PoolMachine Pool)> loads, int hosts, int bound, string boundWhy)
    {
        if (hosts == bound && boundWhy is "spread" or "isolation")
        {
            return boundWhy == "spread" ? "spread: replicas of one application on different hosts" : "isolation: applications that need a host of their own";
        }

        if (loads.Count == 0)
        {
            return "none";
        }

        var cpu = loads.Average(l => (double)l.Load.Cpu.DefaultIfEmpty(0).Max() / Math.Max(1, l.Pool.CpuCapacity));
        var memory = loads.Average(l => (double)l.Load.Memory / Math.Max(1, l.Pool.MemoryCapacity));
        var vcpus = loads.Average(l => (double)l.Load.Vcpus / Math.Max(1, l.Pool.VcpuCapacity));
        var (name, share) = new[] { ("cpu: the busiest bucket of each host", cpu), ("memory", memory), ("vcpus: the vCPU overcommit", vcpus) }.MaxBy(t => t.Item2);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} at {share:0.#%} of what a host may take on average");
    }

    private static string WhyFull(PlanningProblem problem, PlanItem item)
    {
        var pools = problem.Pools.Where((pool, p) => problem.Demands[item.Index, p] is not null)
            .Select(p => $"`{p.Name}` ({p.Usable} usable: count {p.Pool.Count}, spare {problem.Plan.Spare})");
        var rule = item.Isolation == IsolationLevel.Host ? $", and `{item.App.Name}` needs a host of its own (isolation host)"
            : item.App.Spread == "host" ? $", and the replicas of `{item.App.Name}` each need their own host (spread = host)"
            : item.App.Zone is { } zone ? $" (zone `{zone}` shares a host with other zones only across VMs)"
            : string.Empty;
        return $"instance {item.Replica} of app `{item.App.Name}` finds no machine with room in {string.Join(", ", pools)}{rule}; add machines to a pool, lower `spare` or raise `target`";
    }
}
