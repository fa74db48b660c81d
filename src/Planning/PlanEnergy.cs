namespace VirtLang.Planning;

/// <summary>
/// The energy objective as every packer counts it, in watt-hours over the plan's horizon: each machine used draws its
/// idle power the whole horizon (rounded to a watt-hour, as the exact model's coefficients), and each instance adds
/// its share of the dynamic power on a machine of its pool (<see cref="InstanceDemand.DynamicWattHours"/>).
/// </summary>
internal static class PlanEnergy
{
    /// <summary>What one machine of pool <paramref name="pool"/> draws idle over the horizon.</summary>
    public static long IdleWattHours(PlanningProblem problem, int pool) =>
        (long)Math.Round(problem.Pools[pool].Machine.IdleWatts * problem.Plan.HorizonSeconds / 3600);

    /// <summary>What instance <paramref name="item"/> adds on a machine of pool <paramref name="pool"/>.</summary>
    public static long DynamicWattHours(PlanningProblem problem, int item, int pool) => problem.Demands[item, pool]!.DynamicWattHours;

    /// <summary>The energy of a whole packing.</summary>
    public static long Of(PlanningProblem problem, PackedPlan packed)
    {
        var perPool = packed.HostsPerPool(problem.Pools.Count);
        var idle = perPool.Select((n, p) => n * IdleWattHours(problem, p)).Sum();
        return idle + problem.Items.Sum(i => DynamicWattHours(problem, i.Index, packed.Pool[i.Index]));
    }
}
