using VirtLang.Runtime.Results;

namespace VirtLang.Runtime.Analysis;

/// <summary>How a platform of a <see cref="ConsolidationStudy"/> served the applications on the fewest hosts that did.</summary>
/// <param name="HostsNeeded">The fewest hosts that served every application within the planning headroom, plus the spare; the application count when none did.</param>
/// <param name="Fits">False when even one guest per host did not serve every application.</param>
/// <param name="Result">The run on the hosts that carry the applications (the spare stays idle and is not simulated).</param>
public sealed record PlatformOutcome(Platform Platform, int HostsNeeded, bool Fits, SimulationResult Result)
{
    public double MeanUtilization => Result.MeanUtilization;

    public double P95Utilization => Result.Hosts.Max(h => h.P95Utilization);

    /// <summary>How much longer the work took than on bare hardware, weighted by demand.</summary>
    public double Slowdown => Result.MeanSlowdown;

    public double EnergyKilowattHours => Result.EnergyKilowattHours;

    /// <summary>The slowdown of one application of the run.</summary>
    public double SlowdownOf(string application) => Result.Applications.Single(a => a.Name == application).MeanSlowdown;
}
