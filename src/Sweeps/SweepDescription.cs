namespace VirtLang.Sweeps;

/// <summary>What a sweep's result says it is of: the model (by its bundle's hash), the scenario, the base seed and the replications asked for.</summary>
/// <param name="DurationMinutes">The scenario's length: what an availability's downtime is out of.</param>
public sealed record SweepDescription(string ModelHash, string Scenario, ulong BaseSeed, int Runs, double DurationMinutes)
{
    /// <summary>The description of <paramref name="request"/> as <paramref name="runner"/> resolved it (scenario and base seed).</summary>
    public static SweepDescription Of(SweepRequest request, ReplicationRunner runner)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runner);
        return new SweepDescription(request.Model.Hash, runner.Scenario.Name, runner.BaseSeed, request.Runs,
            VirtLang.Runtime.Kernel.SimTime.ToMinutes(runner.Scenario.Duration));
    }
}
