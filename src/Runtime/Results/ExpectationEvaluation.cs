using System.Globalization;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Results;

/// <summary>
/// Checks a scenario's expectations against a result, reading the figures the JSON writes (availability,
/// demandSatisfied, downtimeMinutes, meanSlowdown, utilization.mean/p95/max) at the JSON's precision: both sides are
/// rounded to 6 decimals before they are compared, so an expectation holds exactly when the written numbers say so,
/// and a boundary (`>= 99.95%` against an availability of 0.9995) does not turn on the last bit of a sum.
/// </summary>
public static class ExpectationEvaluation
{
    public static IReadOnlyList<ExpectationResult> Evaluate(IReadOnlyList<Expectation> expectations, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(result);
        if (expectations.Count == 0)
        {
            return [];
        }

        // Looked up by name once: a model may have many hosts and many statements, and the work stays linear in both.
        var hosts = new Dictionary<string, HostResult>(StringComparer.Ordinal);
        foreach (var host in result.Hosts)
        {
            hosts.TryAdd(host.Name, host);
        }

        var applications = new Dictionary<string, ApplicationResult>(StringComparer.Ordinal);
        foreach (var app in result.Applications)
        {
            applications.TryAdd(app.Name, app);
        }

        var results = new List<ExpectationResult>(expectations.Count);
        foreach (var expectation in expectations)
        {
            var actual = Figure(expectation, hosts.GetValueOrDefault(expectation.Subject), applications.GetValueOrDefault(expectation.Subject));
            var threshold = ResultJsonWriter.Rounded(expectation.Threshold);
            results.Add(new ExpectationResult
            {
                Statement = expectation.Statement ?? Describe(expectation),
                Origin = expectation.Origin,
                Metric = expectation.Metric,
                Statistic = expectation.Statistic,
                Subject = expectation.Subject,
                Comparison = expectation.Comparison,
                Threshold = expectation.Threshold,
                Actual = actual,
                Held = !double.IsNaN(actual) && Expectation.Compare(actual, expectation.Comparison, threshold),
            });
        }

        return results;
    }

    /// <summary>The figure an expectation reads, rounded as the JSON writes it; NaN when the result has no such application or host.</summary>
    public static double Actual(Expectation expectation, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(result);
        return Figure(expectation, result.Hosts.FirstOrDefault(h => h.Name == expectation.Subject), result.Applications.FirstOrDefault(a => a.Name == expectation.Subject));
    }

    private static double Figure(Expectation expectation, HostResult? host, ApplicationResult? app)
    {
        double? figure;
        if (expectation.Metric == ExpectationMetric.Utilization)
        {
            figure = expectation.Statistic switch
            {
                ExpectationStatistic.P95 => host?.P95Utilization,
                ExpectationStatistic.Max => host?.MaxUtilization,
                _ => host?.MeanUtilization,
            };
        }
        else
        {
            figure = expectation.Metric switch
            {
                ExpectationMetric.Availability => app?.Availability,
                ExpectationMetric.Served => app?.DemandSatisfied,
                ExpectationMetric.Downtime => app?.DowntimeMinutes,
                _ => app?.MeanSlowdown,
            };
        }

        return figure is { } value ? ResultJsonWriter.Rounded(value) : double.NaN;
    }

    /// <summary>The statement of an expectation built by hand, as a model would write it.</summary>
    public static string Describe(Expectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        var statistic = Expectation.Word(expectation.Statistic);
        return $"expect {(statistic.Length > 0 ? statistic + " " : string.Empty)}{Expectation.Word(expectation.Metric)} {expectation.Subject} "
            + $"{Expectation.Symbol(expectation.Comparison)} {FormatValue(expectation.Metric, expectation.Threshold)}";
    }

    /// <summary>A figure in the metric's unit as people read it: <c>99.95%</c>, <c>30m</c>, <c>1.2</c>.</summary>
    public static string FormatValue(ExpectationMetric metric, double value)
    {
        if (double.IsNaN(value))
        {
            return "none";
        }

        return metric switch
        {
            ExpectationMetric.Downtime => Number(value) + "m",
            ExpectationMetric.Slowdown => Number(value),
            _ => Number(value * 100) + "%",
        };
    }

    private static string Number(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
