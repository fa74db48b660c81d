namespace VirtLang.Runtime.Scenarios;

/// <summary>The figure of a run an <see cref="Expectation"/> compares, each with the meaning of its JSON field.</summary>
public enum ExpectationMetric
{
    /// <summary>An application's <c>availability</c>: the fraction of the run with at least one instance up (0 to 1).</summary>
    Availability,

    /// <summary>An application's <c>demandSatisfied</c>: delivered over demanded core-hours (0 to 1).</summary>
    Served,

    /// <summary>An application's <c>downtimeMinutes</c>: minutes with no instance up.</summary>
    Downtime,

    /// <summary>An application's <c>meanSlowdown</c>: how much longer its work took than on bare hardware (1 = no slower).</summary>
    Slowdown,

    /// <summary>A host's CPU utilization over the run (0 to 1), as the statistic of <see cref="ExpectationStatistic"/> says.</summary>
    Utilization,
}
