namespace VirtLang.Runtime.Scenarios;

/// <summary>Which summary of a host's utilization series an expectation compares: the JSON's <c>utilization.mean</c>, <c>p95</c> or <c>max</c>.</summary>
public enum ExpectationStatistic
{
    /// <summary>The metric is one figure per run (every metric but utilization).</summary>
    None,

    Mean,

    P95,

    Max,
}
