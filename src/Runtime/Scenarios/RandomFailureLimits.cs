using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Scenarios;

/// <summary>
/// The bound on random failures per run (docs/limits.md, "Random failures"): each logs two events (its failure and its
/// repair), so the log of a run stays under a few tens of megabytes. The checker refuses a scenario whose expected
/// count passes it (VDL1045); a run that still reaches it by chance stops drawing and says so in its log.
/// </summary>
public static class RandomFailureLimits
{
    /// <summary>Random failures (skipped ones included) per run: 100,000, so at most 200,000 logged events.</summary>
    public const int MaxFailures = 100_000;

    /// <summary>
    /// The expected number of failures of one component over <paramref name="duration"/>: duration ÷ (MTBF + MTTR), the
    /// renewal rate of an alternating up-down process (exact in the long run for every distribution).
    /// </summary>
    public static double ExpectedFailures(long duration, FailureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (double)duration / ((double)spec.Mtbf + spec.Mttr);
    }
}
