using System.Diagnostics;
using Google.OrTools.Sat;

namespace VirtLang.Planning;

/// <summary>
/// Large-neighbourhood search over a plan's machines, for the plans too large for one CP-SAT model to improve. It
/// works on the emptiest machine: first it moves each of its instances that fits elsewhere to the fullest machine that
/// has room (best fit); then it frees the instances of that machine and of three others (those with the most room
/// where it is loaded, and some at random) and asks CP-SAT to place them again on the same four machines with as
/// little as possible left on the emptiest one, so that swaps make room the cheap moves cannot. Each accepted step
/// moves load off it, until it is empty and the plan has one machine fewer. Deterministic: the neighbourhoods come
/// from a seeded generator, each sub-problem is solved with one worker, the fixed seed and a deterministic time limit,
/// and the search stops when their deterministic times reach the budget. Under <c>objective = energy</c> a step is
/// measured in watt-hours (<see cref="PlanEnergy"/>): the sub-problem minimizes the energy of its machines, and it is
/// taken only when it lowers the plan's energy, or leaves it equal and moves load off the machine being emptied (the
/// way to the idle watts of a machine fewer); the cheap moves only go where the instance draws no more.
/// </summary>
internal static class NeighbourhoodSearch
{
    /// <summary>
    /// Machines in one neighbourhood: the one to empty and three its instances may move to. Measured on plan-scale at
    /// 1,000 applications: sub-problems of 8 machines (some 400 instances) nearly all ended at their time limit with
    /// nothing better; those of 4 often end well before it.
    /// </summary>
    public const int NeighbourhoodMachines = 4;

    /// <summary>Deterministic seconds one sub-problem may take: many small searches rather than a few long ones.</summary>
    private const double SubproblemSeconds = 0.5;

    /// <summary>Neighbourhoods in a row that move nothing off a machine before the next emptiest is tried.</summary>
    private const int AttemptsPerMachine = 6;

    public sealed record Outcome(PackedPlan Plan, int Neighbourhoods, double DeterministicSeconds, bool ClockStopped);

    /// <summary>One machine of the incumbent: its pool, its instances (indices of the plan's items) and their load.</summary>
    private sealed class Machine(int pool)
    {
        public int Pool { get; } = pool;

        public List<int> Items { get; } = [];

        /// <summary>Its largest share used: of CPU in its busiest bucket, of memory, of vCPUs.</summary>
        public double Fill { get; set; }

        public HostLoad Load { get; set; } = new(0);
    }

    /// <summary>
    /// Improves <paramref name="start"/> until it reaches <paramref name="bound"/> machines (the hosts objective; under
    /// energy fewer machines is not the end, a cheaper pool may still save), no neighbourhood moves anything, or the
    /// sub-problems have used <paramref name="seconds"/> of deterministic time. Never worse than <paramref name="start"/>
    /// in the plan's objective: a neighbourhood is accepted only when it improves. The wall clock stops it past
    /// <paramref name="wallSeconds"/> (a slow machine; the outcome then says so).
    /// </summary>
    public static Outcome Improve(PlanningProblem problem, PackedPlan start, int bound, double seconds, double wallSeconds)
    {
        var watch = Stopwatch.StartNew();
        var byEnergy = problem.Plan.Objective == "energy";
        var machines = Incumbent(problem, start);
        var random = new Random(CpSatPacker.Seed);
        var stuck = new HashSet<Machine>(); // machines no neighbourhood could lighten since a machine was last emptied
        var (spent, neighbourhoods, failures, clockStopped) = (0.0, 0, 0, false);
        Machine? target = null;
        while ((byEnergy || machines.Count > bound) && spent < seconds)
        {
            if (watch.Elapsed.TotalSeconds > wallSeconds)
            {
                clockStopped = true; // a slow machine: the wall clock, not the deterministic budget, ends the search
                break;
            }

            target ??= machines.Where(m => !stuck.Contains(m)).OrderBy(m => m.Fill).FirstOrDefault();
            if (target is null)
            {
                break; // every machine tried since the last one emptied: a local optimum of these neighbourhoods
            }

            if (Relocate(problem, machines, target, byEnergy))
            {
                failures = 0;
                if (target.Items.Count == 0)
                {
                    machines.Remove(target);
                    target = null;
                    stuck.Clear();
                    continue;
                }
            }

            var neighbours = Neighbours(problem, machines, target, random);
            List<Machine> fresh = byEnergy ? Fresh(problem, machines, target) : [];
            var wall = wallSeconds - watch.Elapsed.TotalSeconds;
            var (moved, used, clock) = Solve(problem, machines, target, [.. neighbours, .. fresh], Math.Min(SubproblemSeconds, seconds - spent), wall, byEnergy);
            (spent, neighbourhoods, clockStopped) = (spent + used, neighbourhoods + 1, clockStopped || clock);
            if (moved is not null)
            {
                Apply(problem, [target, .. neighbours, .. fresh], moved);
                machines.AddRange(fresh.Where(m => m.Items.Count > 0));
                failures = 0;
                // Under energy a neighbour may be the one emptied (its idle watts the saving); under hosts only the target is.
                var emptied = machines.RemoveAll(m => m.Items.Count == 0 && (byEnergy || m == target));
                if (emptied > 0)
                {
                    (target, failures) = (null, 0);
                    stuck.Clear();
                }
            }
            else if (++failures >= AttemptsPerMachine || neighbours.Count == machines.Count - 1)
            {
                stuck.Add(target);
                (target, failures) = (null, 0);
            }
        }

        return new Outcome(Plan(problem, machines), neighbourhoods, spent, clockStopped);
    }

    /// <summary>
    /// The cheap moves before a sub-problem: each instance of the target, largest first, to the fullest other machine
    /// that has room for it and may hold it (best fit), so that the target empties and the others fill. True when one moved.
    /// </summary>
    private static bool Relocate(PlanningProblem problem, List<Machine> machines, Machine target, bool byEnergy)
    {
        var moved = false;
        foreach (var i in target.Items.OrderByDescending(i => Weight(problem, i, target.Pool)).ThenBy(i => i).ToList())
        {
            var item = problem.Items[i];
            Machine? best = null;
            foreach (var machine in machines)
            {
                if (machine == target || (best is not null && machine.Fill <= best.Fill)
                    || problem.Demands[i, machine.Pool] is not { } demand || !machine.Load.Fits(demand, problem.Pools[machine.Pool])
                    || !machine.Load.Items.All(other => problem.CanShare(item, other, problem.Pools[machine.Pool]))
                    || (machine.Pool != target.Pool && !SitesAllow(problem, machines, item, machine.Pool))
                    || (byEnergy && PlanEnergy.DynamicWattHours(problem, i, machine.Pool) > PlanEnergy.DynamicWattHours(problem, i, target.Pool)))
                {
                    continue;
                }

                best = machine;
            }

            if (best is not null)
            {
                target.Items.Remove(i);
                best.Items.Add(i);
                Measure(problem, best);
                moved = true;
            }
        }

        if (moved)
        {
            Measure(problem, target);
        }

        return moved;
    }

    /// <summary>Whether the replicas of an application that must span sites stay balanced with <paramref name="item"/> moved to a machine of <paramref name="pool"/>.</summary>
    private static bool SitesAllow(PlanningProblem problem, List<Machine> machines, PlanItem item, int pool)
    {
        if (!problem.SpansSites[item.AppIndex])
        {
            return true;
        }

        var sites = machines.SelectMany(m => m.Items.Where(i => i != item.Index && problem.Items[i].AppIndex == item.AppIndex).Select(_ => problem.SiteOfPool[m.Pool])).ToList();
        return problem.SiteAllows(item, pool, sites);
    }

    private static List<Machine> Incumbent(PlanningProblem problem, PackedPlan start)
    {
        var machines = new List<Machine>();
        var index = new Dictionary<(int Pool, int Host), Machine>();
        foreach (var item in problem.Items)
        {
            var key = (start.Pool[item.Index], start.Host[item.Index]);
            if (!index.TryGetValue(key, out var machine))
            {
                machine = new Machine(key.Item1);
                index[key] = machine;
                machines.Add(machine);
            }

            machine.Items.Add(item.Index);
        }

        foreach (var machine in machines)
        {
            Measure(problem, machine);
        }

        return machines;
    }

    private static void Measure(PlanningProblem problem, Machine machine)
    {
        var load = new HostLoad(problem.Buckets);
        foreach (var i in machine.Items)
        {
            load.Add(problem.Items[i], problem.Demands[i, machine.Pool]!);
        }

        var pool = problem.Pools[machine.Pool];
        machine.Load = load;
        machine.Fill = Math.Max((double)load.Cpu.DefaultIfEmpty(0).Max() / Math.Max(1, pool.CpuCapacity),
            Math.Max((double)load.Memory / Math.Max(1, pool.MemoryCapacity), (double)load.Vcpus / Math.Max(1, pool.VcpuCapacity)));
    }

    /// <summary>
    /// The machines the target's instances may move to: the (NeighbourhoodMachines − 1) ÷ 2 with the most room where
    /// the target is loaded (per bucket, the CPU it could take of the target's; one of three), the others at random
    /// (so that a neighbourhood that failed is not tried again as it was); all of them when they are few.
    /// </summary>
    private static List<Machine> Neighbours(PlanningProblem problem, List<Machine> machines, Machine target, Random random)
    {
        var candidates = machines.Where(m => m != target && target.Items.Any(i => problem.Demands[i, m.Pool] is not null))
            .Select((m, index) => (Machine: m, Index: index, Room: Room(problem, m, target))).OrderByDescending(c => c.Room).ThenBy(c => c.Index)
            .Select(c => c.Machine).ToList();
        if (candidates.Count <= NeighbourhoodMachines - 1)
        {
            return candidates;
        }

        var readiest = (NeighbourhoodMachines - 1) / 2;
        var chosen = candidates.Take(readiest).ToList();
        var rest = candidates.Skip(readiest).ToList();
        while (chosen.Count < NeighbourhoodMachines - 1)
        {
            var pick = random.Next(rest.Count);
            chosen.Add(rest[pick]);
            rest.RemoveAt(pick);
        }

        return chosen;
    }

    /// <summary>
    /// Under energy, one unused machine of each pool that draws less idle than the target's and has one left: the
    /// search could otherwise never move load to more frugal hardware the warm start left unused.
    /// </summary>
    private static List<Machine> Fresh(PlanningProblem problem, List<Machine> machines, Machine target)
    {
        var fresh = new List<Machine>();
        for (var p = 0; p < problem.Pools.Count; p++)
        {
            if (PlanEnergy.IdleWattHours(problem, p) < PlanEnergy.IdleWattHours(problem, target.Pool)
                && machines.Count(m => m.Pool == p) < problem.Pools[p].Usable && target.Items.Any(i => problem.Demands[i, p] is not null))
            {
                var machine = new Machine(p);
                Measure(problem, machine);
                fresh.Add(machine);
            }
        }

        return fresh;
    }

    /// <summary>The CPU <paramref name="machine"/> has free where the target uses it, summed over the buckets.</summary>
    private static long Room(PlanningProblem problem, Machine machine, Machine target)
    {
        var capacity = problem.Pools[machine.Pool].CpuCapacity;
        var room = 0L;
        for (var b = 0; b < problem.Buckets; b++)
        {
            room += Math.Min(Math.Max(0, capacity - machine.Load.Cpu[b]), target.Load.Cpu[b]);
        }

        return room;
    }

    /// <summary>
    /// The sub-problem: the instances of the target and its neighbours, each on one of these machines, under every
    /// rule; the least left on the target (each instance weighted by its share of a machine). Returns the new machine
    /// of each freed instance (indices into target, then neighbours) when it leaves less on the target than now. Under
    /// energy the machines may be left empty and the objective is their watt-hours first, what is left on the target
    /// second (scaled so that no amount left outweighs one watt-hour); it is returned when that pair falls.
    /// </summary>
    private static (Dictionary<int, int>? Moved, double Seconds, bool ClockStopped) Solve(
        PlanningProblem problem, List<Machine> machines, Machine target, List<Machine> neighbours, double seconds, double wallSeconds, bool byEnergy)
    {
        List<Machine> local = [target, .. neighbours];
        var freed = local.SelectMany((m, k) => m.Items.Select(i => (Item: i, Now: k))).ToList();
        var model = new CpModel();
        var x = new Dictionary<(int Item, int Machine), BoolVar>();
        foreach (var (i, now) in freed)
        {
            var choices = new List<ILiteral>();
            for (var k = 0; k < local.Count; k++)
            {
                if (problem.Demands[i, local[k].Pool] is not null)
                {
                    var v = model.NewBoolVar($"x_{i}_{k}");
                    x[(i, k)] = v;
                    choices.Add(v);
                    model.AddHint(v, k == now ? 1 : 0);
                }
            }

            model.AddExactlyOne(choices);
        }

        var kept = byEnergy ? local.Select((m, k) => model.NewBoolVar($"y_{k}")).ToArray() : null;
        for (var k = 0; k < local.Count; k++)
        {
            var here = freed.Where(f => x.ContainsKey((f.Item, k))).Select(f => f.Item).ToList();
            CpSatPacker.AddMachine(model, problem, local[k].Pool, [.. here.Select(i => problem.Items[i])], [.. here.Select(i => x[(i, k)])], kept?[k]);
            if (kept is not null)
            {
                foreach (var i in here)
                {
                    model.AddImplication(x[(i, k)], kept[k]);
                }

                model.AddHint(kept[k], local[k].Items.Count > 0 ? 1 : 0);
            }
        }

        AddSites(model, problem, machines, local, freed.Select(f => f.Item).ToHashSet(), x);
        var left = target.Items.Sum(i => Weight(problem, i, target.Pool));
        var onTarget = freed.Where(f => x.ContainsKey((f.Item, 0))).ToList();
        var leftOver = LinearExpr.WeightedSum(onTarget.Select(f => x[(f.Item, 0)]), onTarget.Select(f => Weight(problem, f.Item, target.Pool)));
        var incumbent = (double)left;
        if (kept is null)
        {
            model.Minimize(leftOver);
        }
        else
        {
            var scale = 1 + onTarget.Sum(f => Weight(problem, f.Item, target.Pool)); // more than anything left on the target
            var idle = local.Select(m => PlanEnergy.IdleWattHours(problem, m.Pool)).ToArray();
            var energy = LinearExpr.Sum([LinearExpr.WeightedSum(kept, idle),
                LinearExpr.WeightedSum(x.Select(e => e.Value), x.Select(e => PlanEnergy.DynamicWattHours(problem, e.Key.Item, local[e.Key.Machine].Pool)))]);
            model.Minimize((scale * energy) + leftOver);
            incumbent += scale * (double)local.Sum(m => m.Items.Count == 0 ? 0 : PlanEnergy.IdleWattHours(problem, m.Pool) + m.Items.Sum(i => PlanEnergy.DynamicWattHours(problem, i, m.Pool)));
        }
        var solver = new CpSolver { StringParameters = CpSatPacker.Parameters(Math.Max(0.01, seconds), Math.Max(0.01, wallSeconds)) };
        var status = solver.Solve(model);
        var clock = solver.WallTime() >= wallSeconds;
        var used = solver.Response?.DeterministicTime ?? seconds;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible) || solver.ObjectiveValue >= incumbent - 0.5)
        {
            return (null, used, clock);
        }

        var moved = new Dictionary<int, int>();
        foreach (var ((i, k), v) in x)
        {
            if (solver.BooleanValue(v))
            {
                moved[i] = k;
            }
        }

        return (moved, used, clock);
    }

    /// <summary>
    /// VDL4009, balanced, inside a neighbourhood: per application whose replicas must span sites and site, the replicas
    /// freed into that site at most its cap (⌈replicas ÷ sites⌉) less those that stay there outside the neighbourhood.
    /// </summary>
    private static void AddSites(CpModel model, PlanningProblem problem, List<Machine> machines, List<Machine> local, HashSet<int> freed, Dictionary<(int Item, int Machine), BoolVar> x)
    {
        var siteOfItem = new Dictionary<int, int>();
        foreach (var machine in machines)
        {
            foreach (var i in machine.Items)
            {
                siteOfItem[i] = problem.SiteOfPool[machine.Pool];
            }
        }

        foreach (var app in freed.Select(i => problem.Items[i]).Where(i => problem.SpansSites[i.AppIndex]).GroupBy(i => i.AppIndex))
        {
            var replicas = problem.Items.Where(i => i.AppIndex == app.Key).ToList();
            foreach (var site in problem.SiteOfPool.Distinct())
            {
                var outside = replicas.Count(r => !freed.Contains(r.Index) && siteOfItem[r.Index] == site);
                var inside = app.SelectMany(i => Enumerable.Range(0, local.Count)
                    .Where(k => problem.SiteOfPool[local[k].Pool] == site && x.ContainsKey((i.Index, k))).Select(k => x[(i.Index, k)])).ToList();
                if (inside.Count > 0)
                {
                    model.Add(LinearExpr.Sum(inside) <= problem.SiteCap[app.Key] - outside);
                }
            }
        }
    }

    /// <summary>An instance's share of a machine of the pool, in thousandths (at least 1: every instance left counts).</summary>
    private static long Weight(PlanningProblem problem, int item, int pool) =>
        1 + (long)Math.Ceiling(1000 * FirstFitDecreasing.Share(problem, problem.Items[item], pool));

    private static void Apply(PlanningProblem problem, List<Machine> local, Dictionary<int, int> moved)
    {
        foreach (var machine in local)
        {
            machine.Items.Clear();
        }

        foreach (var (i, k) in moved.OrderBy(m => m.Key))
        {
            local[k].Items.Add(i);
        }

        foreach (var machine in local)
        {
            Measure(problem, machine);
        }
    }

    private static PackedPlan Plan(PlanningProblem problem, List<Machine> machines)
    {
        var pool = new int[problem.Items.Count];
        var host = new int[problem.Items.Count];
        var count = new int[problem.Pools.Count];
        foreach (var machine in machines)
        {
            var k = count[machine.Pool]++;
            foreach (var i in machine.Items)
            {
                (pool[i], host[i]) = (machine.Pool, k);
            }
        }

        return new PackedPlan(pool, host).Normalized(problem.Pools.Count);
    }
}
