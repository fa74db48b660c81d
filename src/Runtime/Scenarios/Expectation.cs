namespace VirtLang.Runtime.Scenarios;

/// <summary>
/// An <c>expect</c> statement of a scenario: a figure of the run (<see cref="Metric"/>, with a <see cref="Statistic"/> for
/// utilization) of <see cref="Subject"/> (an application, or a host for utilization) compared with <see cref="Threshold"/>.
/// The threshold is in the unit of the results' JSON: a fraction for availability, served and utilization (99.95% is
/// 0.9995), minutes for downtime, a factor for slowdown. It is checked after the run
/// (<see cref="Results.ExpectationEvaluation"/>); it changes nothing in the run itself.
/// </summary>
public sealed record Expectation(ExpectationMetric Metric, ExpectationStatistic Statistic, string Subject, ExpectationComparison Comparison, double Threshold)
{
    /// <summary>The statement as a model writes it, canonically (<c>expect availability web &gt;= 99.95%</c>); built from the fields when made by hand.</summary>
    public string? Statement { get; init; }

    /// <summary>Where the statement was written (<c>dc.vdl(40,3)</c>), as events have it; null when built by hand.</summary>
    public string? Origin { get; init; }

    /// <summary>The comparison as written: <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c> or <c>&lt;</c>.</summary>
    public static string Symbol(ExpectationComparison comparison) => comparison switch
    {
        ExpectationComparison.AtLeast => ">=",
        ExpectationComparison.Above => ">",
        ExpectationComparison.AtMost => "<=",
        _ => "<",
    };

    /// <summary>The metric's word in the language and in the JSON's <c>expectations[].metric</c>.</summary>
    public static string Word(ExpectationMetric metric) => metric.ToString().ToLowerInvariant();

    /// <summary>The statistic's word (<c>p95</c>, <c>mean</c>, <c>max</c>); empty for <see cref="ExpectationStatistic.None"/>.</summary>
    public static string Word(ExpectationStatistic statistic) => statistic == ExpectationStatistic.None ? string.Empty : statistic.ToString().ToLowerInvariant();

    /// <summary>Whether <paramref name="actual"/> stands to <paramref name="threshold"/> as the comparison asks.</summary>
    public static bool Compare(double actual, ExpectationComparison comparison, double threshold) => comparison switch
    {
        ExpectationComparison.AtLeast => actual >= threshold,
        ExpectationComparison.Above => actual > threshold,
        ExpectationComparison.AtMost => actual <= threshold,
        _ => actual < threshold,
    };
}
