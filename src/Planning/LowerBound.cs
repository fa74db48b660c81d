namespace VirtLang.Planning;

/// <summary>
/// Machines no plan can do without, whatever the solver finds: the busiest bucket's CPU and the memory, each instance
/// counted at its smallest share of a machine of any pool it may use; the replicas of a spread application; one
/// machine per application that needs a host of its own, and one more for the rest. With one pool, also Martello and
/// Toth's L2 on the CPU of every bucket, on memory and on vCPUs, an instance that needs a host of its own counting as
/// a whole machine: stronger when instances are large (docs/planning.md, "The solver").
/// </summary>
internal static class LowerBound
{
    public static (int Hosts, string Why) Of(PlanningProblem problem)
    {
        if (problem.Items.Count == 0)
        {
            return (0, "nothing to place");
        }

        var bounds = new List<(int Hosts, string Why)>();
        var cpu = 0.0;
        for (var b = 0; b < problem.Buckets; b++)
        {
            cpu = Math.Max(cpu, problem.Items.Sum(i => Smallest(problem, i, (d, p) => (double)d.Cpu[b] / Math.Max(1, p.CpuCapacity))));
        }

        bounds.Add((Ceiling(cpu), "cpu"));
        bounds.Add((Ceiling(problem.Items.Sum(i => Smallest(problem, i, (d, p) => (double)d.Memory / Math.Max(1, p.MemoryCapacity)))), "memory"));
        bounds.Add((Ceiling(problem.Items.Sum(i => Smallest(problem, i, (d, p) => (double)d.Vcpus / Math.Max(1, p.VcpuCapacity)))), "vcpus"));
        var spread = problem.Items.Where(i => i.App.Spread == "host").GroupBy(i => i.App).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        bounds.Add((spread, "spread"));
        var alone = problem.Items.Where(i => i.Isolation == IsolationLevel.Host).Select(i => i.App).Distinct().Count();
        var rest = problem.Items.Any(i => i.Isolation != IsolationLevel.Host) ? 1 : 0;
        bounds.Add((alone + rest, "isolation"));
        bounds.Add((1, "one instance"));
        if (problem.Pools.Count == 1)
        {
            bounds.AddRange(MartelloToth(problem)); // after the rules: a rule that sets the same bound names it
        }

        return bounds.MaxBy(b => b.Hosts);
    }

    /// <summary>L2 per resource of the one pool: each bucket's CPU, memory, vCPUs.</summary>
    private static IEnumerable<(int Hosts, string Why)> MartelloToth(PlanningProblem problem)
    {
        var pool = problem.Pools[0];
        var demands = problem.Items.Select(i => (Alone: i.Isolation > pool.Boundary, Demand: problem.Demands[i.Index, 0]!)).ToList();
        int L2(Func<InstanceDemand, long> size, long capacity) =>
            (int)Math.Min(int.MaxValue, MartelloTothBound.Of([.. demands.Select(d => d.Alone ? capacity : size(d.Demand))], capacity));

        var cpu = 0;
        for (var b = 0; b < problem.Buckets; b++)
        {
            cpu = Math.Max(cpu, L2(d => d.Cpu[b], pool.CpuCapacity));
        }

        yield return (cpu, "cpu");
        yield return (L2(d => d.Memory, pool.MemoryCapacity), "memory");
        if (demands.Any(d => d.Demand.Vcpus > 0))
        {
            yield return (L2(d => d.Vcpus, pool.VcpuCapacity), "vcpus");
        }
    }

    private static double Smallest(PlanningProblem problem, PlanItem item, Func<InstanceDemand, PoolMachine, double> share)
    {
        var smallest = double.MaxValue;
        for (var p = 0; p < problem.Pools.Count; p++)
        {
            if (problem.Demands[item.Index, p] is { } d)
            {
                smallest = Math.Min(smallest, share(d, problem.Pools[p]));
            }
        }

        return smallest == double.MaxValue ? 0 : smallest;
    }

    // A sum of shares can land a hair above a whole number through rounding: 3.0000000001 machines are 3.
    private static int Ceiling(double machines) => (int)Math.Ceiling(machines - 1e-9);
}
