using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Results;

/// <summary>
/// One <c>expect</c> statement after a run: the figure the run gave (<see cref="Actual"/>, in the unit of the
/// threshold and of the JSON field it is read from) and whether it met the threshold (<see cref="Held"/>).
/// </summary>
public sealed record ExpectationResult
{
    /// <summary>The statement as written, canonically: <c>expect availability web &gt;= 99.95%</c>.</summary>
    public required string Statement { get; init; }

    /// <summary>Where it was written (<c>dc.vdl(40,3)</c>); null when the expectation was built by hand.</summary>
    public string? Origin { get; init; }

    public ExpectationMetric Metric { get; init; }

    /// <summary>For utilization, which of the JSON's <c>utilization</c> figures; <see cref="ExpectationStatistic.None"/> otherwise.</summary>
    public ExpectationStatistic Statistic { get; init; }

    public required string Subject { get; init; }

    public ExpectationComparison Comparison { get; init; }

    /// <summary>A fraction (availability, served, utilization), minutes (downtime) or a factor (slowdown).</summary>
    public double Threshold { get; init; }

    /// <summary>The run's figure, as the JSON has it (rounded to 6 decimals); NaN when the result has no such subject.</summary>
    public double Actual { get; init; }

    public bool Held { get; init; }
}
