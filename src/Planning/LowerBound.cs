namespace VirtLang.Planning;

/// <summary>
/// Machines no plan can do without, whatever the solver finds: the busiest bucket's CPU and the memory, each instance
/// counted at its smallest share of a machine of any pool it may use; the replicas of a spread application; one
/// machine per application that needs a host of its own, and one more for the rest.
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
        return bounds.MaxBy(b => b.Hosts);
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
