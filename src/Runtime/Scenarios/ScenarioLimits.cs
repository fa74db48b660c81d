using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Scenarios;

/// <summary>
/// The bounds a scenario must stay within, shared by the simulator (which refuses anything beyond them) and the
/// checker (which reports them, VDL1030–VDL1036), so that a model that checks clean always runs. docs/limits.md,
/// "Scenarios and traces", gives the reasons.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>
    /// Steps per scenario. Measured (7 days of the datacenter example at 0.1 s steps, 5 hosts): about 8 bytes and
    /// 3.5 µs per host and step, so ten million steps cost about 80 MB and 35 s per host. That is ten years at
    /// one-minute steps, a week at 60 ms; beyond it a run would take hours or exhaust memory.
    /// </summary>
    public const int MaxSteps = 10_000_000;

    /// <summary>
    /// Hosts × steps per run. Each host records a few figures per step (about 8 bytes and 3.5 µs, measured as for
    /// <see cref="MaxSteps"/>), so a quarter of a billion host-steps is about 2 GB and a quarter of an hour: a week at
    /// one-minute steps for 24,000 hosts, a year for 475. Ten million steps alone would allow 80 GB on 1,000 hosts.
    /// </summary>
    public const long MaxHostSteps = 250_000_000;

    /// <summary>
    /// The longest time a scenario may name (its duration, step, event times and durations): 100 years of 365 days.
    /// Sums of two such times stay far inside the 64-bit microsecond clock (292,000 years), so nothing overflows.
    /// </summary>
    public const long MaxTime = 36_500 * SimTime.TicksPerDay;

    /// <summary>
    /// The largest <c>scale</c> factor, 1,000× (100000%): a spike beyond that is a different model, and factors
    /// that stack while scales overlap stay finite.
    /// </summary>
    public const double MaxScaleFactor = 1000;

    /// <summary>The number of steps a scenario of <paramref name="duration"/> in steps of <paramref name="step"/> has (the last may be partial).</summary>
    public static long Steps(long duration, long step) => (duration / step) + (duration % step == 0 ? 0 : 1);
}
