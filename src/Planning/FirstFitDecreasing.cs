namespace VirtLang.Planning;

/// <summary>
/// First-fit-decreasing: the largest instances first (by their largest share of a machine of their first pool), each
/// on the first open machine that has room and may hold it beside what is there, pools in the plan's order; else on
/// a new machine of the first pool with one left. The solver's warm start, its fallback, and the baseline it must beat.
/// </summary>
internal static class FirstFitDecreasing
{
    /// <summary>The packing, or null with the first instance that found no machine.</summary>
    public static PackedPlan? Pack(PlanningProblem problem, out PlanItem? unplaced)
    {
        unplaced = null;
        var pools = problem.Pools;
        var open = pools.Select(_ => new List<HostLoad>()).ToArray();
        var poolOf = new int[problem.Items.Count];
        var hostOf = new int[problem.Items.Count];
        var sitesOfApp = problem.Plan.Applications.Select(_ => new List<int>()).ToArray(); // sites of the replicas placed so far
        foreach (var item in Order(problem))
        {
            var sites = sitesOfApp[item.AppIndex];
            var placed = false;
            for (var p = 0; p < pools.Count && !placed; p++)
            {
                if (problem.Demands[item.Index, p] is not { } demand || !problem.SiteAllows(item, p, sites))
                {
                    continue;
                }

                for (var h = 0; h < open[p].Count && !placed; h++)
                {
                    var host = open[p][h];
                    if (host.Fits(demand, pools[p]) && host.Items.All(other => problem.CanShare(item, other, pools[p])))
                    {
                        host.Add(item, demand);
                        (poolOf[item.Index], hostOf[item.Index], placed) = (p, h, true);
                    }
                }
            }

            for (var p = 0; p < pools.Count && !placed; p++)
            {
                if (problem.Demands[item.Index, p] is { } demand && open[p].Count < pools[p].Usable && problem.SiteAllows(item, p, sites))
                {
                    var host = new HostLoad(problem.Buckets);
                    host.Add(item, demand);
                    open[p].Add(host);
                    (poolOf[item.Index], hostOf[item.Index], placed) = (p, open[p].Count - 1, true);
                }
            }

            if (!placed)
            {
                unplaced = item;
                return null;
            }

            sites.Add(problem.SiteOfPool[poolOf[item.Index]]);
        }

        return new PackedPlan(poolOf, hostOf);
    }

    /// <summary>Largest first; ties in the plan's order of applications and replicas, so the same input packs the same.</summary>
    private static IEnumerable<PlanItem> Order(PlanningProblem problem) =>
        problem.Items.OrderByDescending(i => Size(problem, i)).ThenBy(i => i.Index);

    private static double Size(PlanningProblem problem, PlanItem item)
    {
        for (var p = 0; p < problem.Pools.Count; p++)
        {
            if (problem.Demands[item.Index, p] is not null)
            {
                return Share(problem, item, p);
            }
        }

        return 0;
    }

    /// <summary>An instance's largest share of a machine of pool <paramref name="p"/> (one that needs a machine of its own fills it).</summary>
    internal static double Share(PlanningProblem problem, PlanItem item, int p)
    {
        var d = problem.Demands[item.Index, p]!;
        var pool = problem.Pools[p];
        var isolation = item.Isolation > pool.Boundary ? 1.0 : 0.0;
        return Math.Max(isolation, Math.Max((double)d.PeakCpu / Math.Max(1, pool.CpuCapacity),
            Math.Max((double)d.Memory / Math.Max(1, pool.MemoryCapacity), (double)d.Vcpus / Math.Max(1, pool.VcpuCapacity))));
    }
}
