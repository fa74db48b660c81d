using System.Globalization;
using VirtLang.Compiler.Binding;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Lowering;

/// <summary>
/// The one reading of an <c>expect</c> statement, shared by the checker's rules, the lowering and the code generator:
/// its words as the runtime's enums, its value in the unit of the results (a fraction, minutes, a factor).
/// </summary>
internal static class ExpectationReader
{
    public static ExpectationMetric? Metric(SyntaxToken metric) => metric.Text switch
    {
        "availability" => ExpectationMetric.Availability,
        "served" => ExpectationMetric.Served,
        "downtime" => ExpectationMetric.Downtime,
        "slowdown" => ExpectationMetric.Slowdown,
        "utilization" => ExpectationMetric.Utilization,
        _ => null,
    };

    /// <summary>Utilization without a statistic is its mean (docs/language.md); the other metrics have none.</summary>
    public static ExpectationStatistic? Statistic(ExpectationMetric metric, SyntaxToken? statistic) =>
        metric != ExpectationMetric.Utilization
            ? statistic is null ? ExpectationStatistic.None : null
            : statistic?.Text switch
            {
                null or "mean" => ExpectationStatistic.Mean,
                "p95" => ExpectationStatistic.P95,
                "max" => ExpectationStatistic.Max,
                _ => null,
            };

    public static ExpectationComparison? Comparison(SyntaxToken comparison) => comparison.IsMissing ? null : comparison.Kind switch
    {
        SyntaxKind.GreaterThanEquals => ExpectationComparison.AtLeast,
        SyntaxKind.GreaterThan => ExpectationComparison.Above,
        SyntaxKind.LessThanEquals => ExpectationComparison.AtMost,
        SyntaxKind.LessThan => ExpectationComparison.Below,
        _ => null,
    };

    /// <summary>The dimension a metric's threshold is written in: a percentage, a time, or a plain number.</summary>
    public static Dimension DimensionOf(ExpectationMetric metric) => metric switch
    {
        ExpectationMetric.Downtime => Dimension.Time,
        ExpectationMetric.Slowdown => Dimension.None,
        _ => Dimension.Ratio,
    };

    /// <summary>How a model writes a threshold of the metric, for messages.</summary>
    public static string Example(ExpectationMetric metric) => metric switch
    {
        ExpectationMetric.Downtime => "30m",
        ExpectationMetric.Slowdown => "1.2",
        ExpectationMetric.Utilization => "80%",
        _ => "99.95%",
    };

    /// <summary>The threshold in the unit of the results: a fraction (99.95% is 0.9995), minutes for downtime, a factor for slowdown.</summary>
    public static double? Threshold(ExpectationMetric metric, ExpressionSyntax threshold, ValueReader values)
    {
        var value = values.Number(threshold, DimensionOf(metric));
        return metric == ExpectationMetric.Downtime && value is { } seconds ? seconds / 60 : value;
    }

    /// <summary>The statement, null when a part is missing or unknown (the parser or checker reported it).</summary>
    public static Expectation? Read(ExpectStatementSyntax statement, ValueReader values)
    {
        if (Metric(statement.Metric) is not { } metric || Statistic(metric, statement.Statistic) is not { } statistic
            || Comparison(statement.Comparison) is not { } comparison || statement.Subject.IsMissing
            || Threshold(metric, statement.Threshold, values) is not { } threshold)
        {
            return null;
        }

        return new Expectation(metric, statistic, statement.Subject.Text, comparison, threshold) { Statement = Text(statement) };
    }

    /// <summary>The statement in its canonical form (the formatter's: one space between parts, `-5%` as one).</summary>
    public static string Text(ExpectStatementSyntax statement)
    {
        var parts = new List<string> { "expect" };
        if (statement.Statistic is { } statistic)
        {
            parts.Add(statistic.Text);
        }

        parts.Add(statement.Metric.Text);
        parts.Add(statement.Subject.Text);
        parts.Add(statement.Comparison.Text);
        parts.Add(string.Concat(statement.Threshold.DescendantTokens().Select(t => t.Text)));
        return string.Join(' ', parts);
    }

    /// <summary>Where the statement was written, as events have it: <c>file(line,col)</c>.</summary>
    public static string Origin(string path, ExpectStatementSyntax statement)
    {
        var line = statement.ExpectKeyword.Source.GetLinePosition(statement.ExpectKeyword.Span.Start);
        return string.Create(CultureInfo.InvariantCulture, $"{path}({line.Line},{line.Column})");
    }

    /// <summary>The smallest and largest figure the metric can take in a run of <paramref name="durationTicks"/>.</summary>
    public static (double Low, double High) Range(ExpectationMetric metric, long durationTicks) => metric switch
    {
        ExpectationMetric.Downtime => (0, SimTime.ToMinutes(durationTicks)),
        ExpectationMetric.Slowdown => (0, double.PositiveInfinity),
        _ => (0, 1),
    };
}
