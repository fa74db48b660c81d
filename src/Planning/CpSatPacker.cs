using Google.OrTools.Sat;

namespace VirtLang.Planning;

/// <summary>
/// The exact model, solved by OR-Tools CP-SAT: x[instance, machine] booleans for the machines of the pools an
/// instance may use, y[machine] for a machine used. Every instance on exactly one machine; per machine and per time
/// bucket the CPU at most capacity × target, memory and vCPUs at most their capacity, pairs that may not share apart;
/// y[k] implies y[k−1] within a pool (identical machines: only the first k are ever used). Warm-started from FFD.
/// One worker and a fixed seed make the search the same for the same input (docs/planning.md, "Determinism").
/// </summary>
internal static class CpSatPacker
{
    /// <summary>The solver's seed: any fixed number; 1 is documented.</summary>
    public const int Seed = 1;

    /// <summary>The wall clock stops a search at this many times its deterministic limit: it only guards a slow machine.</summary>
    public const double WallClockFactor = 3;

    public sealed record Outcome(PackedPlan? Plan, bool Optimal, double Bound, double WallSeconds, bool ClockStopped);

    public static long Terms(PlanningProblem problem, int[] machines)
    {
        long terms = 0;
        for (var p = 0; p < problem.Pools.Count; p++)
        {
            for (var i = 0; i < problem.Items.Count; i++)
            {
                if (problem.Demands[i, p] is not null)
                {
                    terms += machines[p] * (long)(problem.Buckets + 2);
                }
            }
        }

        return terms;
    }

    /// <summary>Machines per pool the model offers: never more than the pool's usable ones or than FFD used in all.</summary>
    public static int[] Machines(PlanningProblem problem, PackedPlan warmStart)
    {
        var total = warmStart.HostCount(problem.Pools.Count);
        return [.. problem.Pools.Select((pool, p) => Math.Min(pool.Usable, Math.Min(total, Enumerable.Range(0, problem.Items.Count).Count(i => problem.Demands[i, p] is not null))))];
    }

    public static Outcome Solve(PlanningProblem problem, PackedPlan? warmStart, int[] machines, TimeSpan timeLimit)
    {
        var pools = problem.Pools;
        var items = problem.Items;
        var model = new CpModel();
        var used = new BoolVar[pools.Count][];
        var x = new Dictionary<(int Item, int Pool, int Host), BoolVar>();
        for (var p = 0; p < pools.Count; p++)
        {
            used[p] = new BoolVar[machines[p]];
            for (var k = 0; k < machines[p]; k++)
            {
                used[p][k] = model.NewBoolVar($"y_{p}_{k}");
                if (k > 0)
                {
                    model.AddImplication(used[p][k], used[p][k - 1]);
                }
            }
        }

        foreach (var item in items)
        {
            var choices = new List<ILiteral>();
            for (var p = 0; p < pools.Count; p++)
            {
                if (problem.Demands[item.Index, p] is null)
                {
                    continue;
                }

                for (var k = 0; k < machines[p]; k++)
                {
                    var v = model.NewBoolVar($"x_{item.Index}_{p}_{k}");
                    x[(item.Index, p, k)] = v;
                    model.AddImplication(v, used[p][k]);
                    choices.Add(v);
                }
            }

            model.AddExactlyOne(choices);
        }

        for (var p = 0; p < pools.Count; p++)
        {
            var onPool = items.Where(i => problem.Demands[i.Index, p] is not null).ToList();
            var buckets = BindingBuckets(problem, [.. onPool.Select(i => problem.Demands[i.Index, p]!)]);
            for (var k = 0; k < machines[p]; k++)
            {
                AddMachine(model, problem, p, onPool, [.. onPool.Select(i => x[(i.Index, p, k)])], used[p][k], buckets);
            }
        }

        // Replicas over sites (VDL4009, balanced): at most ⌈replicas ÷ sites⌉ of a spanning application in any one site.
        foreach (var app in items.Where(i => problem.SpansSites[i.AppIndex]).GroupBy(i => i.AppIndex))
        {
            foreach (var site in problem.SiteOfPool.Distinct())
            {
                var inSite = new List<BoolVar>();
                foreach (var item in app)
                {
                    for (var p = 0; p < pools.Count; p++)
                    {
                        for (var k = 0; problem.SiteOfPool[p] == site && k < machines[p]; k++)
                        {
                            if (x.TryGetValue((item.Index, p, k), out var v))
                            {
                                inSite.Add(v);
                            }
                        }
                    }
                }

                if (inSite.Count > 0)
                {
                    model.Add(LinearExpr.Sum(inSite) <= problem.SiteCap[app.Key]);
                }
            }
        }

        model.Minimize(Objective(problem, used, x));
        if (warmStart is not null)
        {
            Hint(model, warmStart, machines, used, x);
        }

        var seconds = Math.Max(0.1, timeLimit.TotalSeconds);
        var solver = new CpSolver { StringParameters = Parameters(seconds, seconds * WallClockFactor) };
        var status = solver.Solve(model);
        var wall = solver.WallTime();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new Outcome(null, false, 0, wall, wall >= seconds * WallClockFactor);
        }

        var pool = new int[items.Count];
        var host = new int[items.Count];
        foreach (var ((i, p, k), v) in x)
        {
            if (solver.BooleanValue(v))
            {
                (pool[i], host[i]) = (p, k);
            }
        }

        return new Outcome(new PackedPlan(pool, host).Normalized(pools.Count), status == CpSolverStatus.Optimal, solver.BestObjectiveBound, wall, wall >= seconds * WallClockFactor);
    }

    /// <summary>
    /// One worker, the fixed seed and a deterministic time limit: the search ends at the same point on every machine;
    /// the wall clock only guards a slow one (<paramref name="wallSeconds"/>: three times the plan's limit, less what
    /// has gone).
    /// </summary>
    internal static string Parameters(double seconds, double wallSeconds) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"num_workers:1 random_seed:{Seed} max_deterministic_time:{seconds} max_time_in_seconds:{wallSeconds} log_search_progress:false");

    /// <summary>
    /// The constraints of one machine of pool <paramref name="p"/> on the instances that may go there
    /// (<paramref name="vars"/>[i]: instance i is on it): memory, vCPUs and the CPU of every distinct bucket within
    /// capacity, times <paramref name="used"/> (a machine that may be left unused) or plain (one that stays), and the
    /// pairs that may not share it apart.
    /// </summary>
    internal static void AddMachine(CpModel model, PlanningProblem problem, int p, IReadOnlyList<PlanItem> items, BoolVar[] vars, BoolVar? used)
    {
        AddMachine(model, problem, p, items, vars, used, BindingBuckets(problem, [.. items.Select(i => problem.Demands[i.Index, p]!)]));
    }

    /// <summary><see cref="AddMachine(CpModel, PlanningProblem, int, IReadOnlyList{PlanItem}, BoolVar[], BoolVar?)"/> with the buckets that can bind already found.</summary>
    internal static void AddMachine(CpModel model, PlanningProblem problem, int p, IReadOnlyList<PlanItem> items, BoolVar[] vars, BoolVar? used, int[] buckets)
    {
        var machine = problem.Pools[p];
        var demands = items.Select(i => problem.Demands[i.Index, p]!).ToArray();
        LinearExpr Capacity(long capacity) => used is null ? LinearExpr.Constant(capacity) : capacity * (LinearExpr)used;
        model.Add(LinearExpr.WeightedSum(vars, demands.Select(d => d.Memory)) <= Capacity(machine.MemoryCapacity));
        if (demands.Any(d => d.Vcpus > 0))
        {
            model.Add(LinearExpr.WeightedSum(vars, demands.Select(d => d.Vcpus)) <= Capacity(machine.VcpuCapacity));
        }

        foreach (var b in buckets)
        {
            model.Add(LinearExpr.WeightedSum(vars, demands.Select(d => d.Cpu[b])) <= Capacity(machine.CpuCapacity));
        }

        for (var a = 0; a < items.Count; a++)
        {
            for (var c = a + 1; c < items.Count; c++)
            {
                if (!problem.CanShare(items[a], items[c], machine))
                {
                    model.AddBoolOr([vars[a].Not(), vars[c].Not()]);
                }
            }
        }
    }

    /// <summary>First-fit-decreasing's plan as the search's first solution.</summary>
    private static void Hint(CpModel model, PackedPlan warmStart, int[] machines, BoolVar[][] used, Dictionary<(int Item, int Pool, int Host), BoolVar> x)
    {
        foreach (var ((i, p, k), v) in x)
        {
            model.AddHint(v, warmStart.Pool[i] == p && warmStart.Host[i] == k ? 1 : 0);
        }

        var hostsPerPool = warmStart.HostsPerPool(machines.Length);
        for (var p = 0; p < machines.Length; p++)
        {
            for (var k = 0; k < machines[p]; k++)
            {
                model.AddHint(used[p][k], k < hostsPerPool[p] ? 1 : 0);
            }
        }
    }

    /// <summary>Machines, or energy: each machine's idle watt-hours over the horizon plus each instance's share.</summary>
    private static LinearExpr Objective(PlanningProblem problem, BoolVar[][] used, Dictionary<(int Item, int Pool, int Host), BoolVar> x)
    {
        if (problem.Plan.Objective != "energy")
        {
            return LinearExpr.Sum(used.SelectMany(u => u));
        }

        var terms = new List<LinearExpr>();
        for (var p = 0; p < used.Length; p++)
        {
            var idle = PlanEnergy.IdleWattHours(problem, p);
            terms.AddRange(used[p].Select(u => idle * (LinearExpr)u));
        }

        terms.AddRange(x.Select(e => PlanEnergy.DynamicWattHours(problem, e.Key.Item, e.Key.Pool) * (LinearExpr)e.Value));
        return LinearExpr.Sum(terms);
    }

    /// <summary>
    /// The buckets whose CPU constraint can bind: a bucket in which no instance asks more than in another kept bucket
    /// is implied by it (a flat profile needs one constraint, not 168; a weekly one its weekday hours). The busiest
    /// buckets first, so that the kept ones dominate the most; ties in the order of time.
    /// </summary>
    internal static int[] BindingBuckets(PlanningProblem problem, InstanceDemand[] demands)
    {
        var order = Enumerable.Range(0, problem.Buckets).OrderByDescending(b => demands.Sum(d => d.Cpu[b])).ThenBy(b => b);
        var kept = new List<int>();
        foreach (var b in order)
        {
            if (!kept.Any(k => demands.All(d => d.Cpu[b] <= d.Cpu[k])))
            {
                kept.Add(b);
            }
        }

        kept.Sort();
        return [.. kept];
    }
}
