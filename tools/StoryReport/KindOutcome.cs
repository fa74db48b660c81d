using VirtLang.Planning;
using VirtLang.Runtime.Results;

namespace VirtLang.StoryReport;

/// <summary>
/// One row of the side-by-side: a hypervisor kind (or the example as written), the hosts its plan needs, the plan,
/// and the run of its placed model; <see cref="Result"/> is null, with <see cref="Why"/>, when the kind has no plan.
/// </summary>
internal sealed record KindOutcome(string Kind, int Hosts, PlanResult? Plan, SimulationResult? Result, string? Why)
{
    public double MeanUtilization => Result?.MeanUtilization ?? 0;

    /// <summary>The busiest host's 95th percentile.</summary>
    public double P95Utilization => Result?.Hosts.Max(h => h.P95Utilization) ?? 0;

    /// <summary>How much longer the work took than on bare hardware, weighted by demand (the simulator's).</summary>
    public double Slowdown => Result?.MeanSlowdown ?? 0;

    public double EnergyKilowattHours => Result?.EnergyKilowattHours ?? 0;

    /// <summary>The lowest share of its demand any application got.</summary>
    public double LeastServed => Result?.Applications.Min(a => a.DemandSatisfied) ?? 0;
}
