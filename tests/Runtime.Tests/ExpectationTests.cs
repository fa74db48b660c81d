using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// `expect` statements after a run (issue 13, item 5): each reads the figure the JSON writes, at the JSON's precision,
/// and holds or fails by its comparison; it changes nothing in the run.
/// </summary>
public class ExpectationTests
{
    /// <summary>One replica of <c>web</c> (1 core) in a 2-vCPU VM on an 8-core host, <c>h1</c>.</summary>
    private static Topology OneReplica() => new()
    {
        Hosts = [Host("h1", 8, Free(HypervisorKind.BareMetal), [Vm("w1", 2, App("web", 1))])],
    };

    /// <summary>A day with h1 down from 8h for 4h: web is down 240 minutes, available 20/24 of the day.</summary>
    private static ScenarioSpec FourHoursDown(params Expectation[] expectations) =>
        Day(new FailEvent(Hours(8), "h1", Hours(4))) with { Expectations = expectations };

    private static Expectation Expect(ExpectationMetric metric, string subject, ExpectationComparison comparison, double threshold,
        ExpectationStatistic statistic = ExpectationStatistic.None) =>
        new(metric, statistic, subject, comparison, threshold);

    [Fact]
    public void Each_metric_reads_the_figure_its_json_field_has()
    {
        var result = Simulator.Run(OneReplica(), FourHoursDown(
            Expect(ExpectationMetric.Availability, "web", ExpectationComparison.AtLeast, 0.8),
            Expect(ExpectationMetric.Served, "web", ExpectationComparison.AtLeast, 0.8),
            Expect(ExpectationMetric.Downtime, "web", ExpectationComparison.AtMost, 240),
            Expect(ExpectationMetric.Slowdown, "web", ExpectationComparison.AtMost, 2),
            Expect(ExpectationMetric.Utilization, "h1", ExpectationComparison.Below, 1, ExpectationStatistic.Mean),
            Expect(ExpectationMetric.Utilization, "h1", ExpectationComparison.Below, 1, ExpectationStatistic.P95),
            Expect(ExpectationMetric.Utilization, "h1", ExpectationComparison.Below, 1, ExpectationStatistic.Max)));

        var app = Assert.Single(result.Applications);
        var host = Assert.Single(result.Hosts);
        double[] figures = [app.Availability, app.DemandSatisfied, app.DowntimeMinutes, app.MeanSlowdown, host.MeanUtilization, host.P95Utilization, host.MaxUtilization];
        Assert.Equal(figures.Select(ResultJsonWriter.Rounded), result.Expectations.Select(e => e.Actual));
        Assert.Equal(0.833333, result.Expectations[0].Actual);
        Assert.Equal(240, result.Expectations[2].Actual);
        Assert.True(result.ExpectationsHeld);
        Assert.All(result.Expectations, e => Assert.True(e.Held, e.Statement));
    }

    /// <summary>At the boundary, `>=` and `<=` hold and `>` and `<` fail; the threshold's own rounding does not matter past 6 decimals.</summary>
    [Theory]
    [InlineData(ExpectationComparison.AtMost, 240, true)]
    [InlineData(ExpectationComparison.Below, 240, false)]
    [InlineData(ExpectationComparison.AtLeast, 240, true)]
    [InlineData(ExpectationComparison.Above, 240, false)]
    [InlineData(ExpectationComparison.Below, 240.0000001, false)] // the same number once written with 6 decimals
    [InlineData(ExpectationComparison.Below, 240.000001, true)]
    [InlineData(ExpectationComparison.AtMost, 239.999999, false)]
    public void At_the_boundary_the_comparison_decides(ExpectationComparison comparison, double minutes, bool held)
    {
        var result = Simulator.Run(OneReplica(), FourHoursDown(Expect(ExpectationMetric.Downtime, "web", comparison, minutes)));
        var expectation = Assert.Single(result.Expectations);
        Assert.Equal(240, expectation.Actual);
        Assert.Equal(held, expectation.Held);
        Assert.Equal(held, result.ExpectationsHeld);
    }

    [Fact]
    public void A_failed_expectation_says_what_the_run_gave()
    {
        var result = Simulator.Run(OneReplica(), FourHoursDown(
            Expect(ExpectationMetric.Availability, "web", ExpectationComparison.AtLeast, 0.9995) with { Statement = "expect availability web >= 99.95%", Origin = "dc.vdl(9,3)" },
            Expect(ExpectationMetric.Utilization, "h1", ExpectationComparison.Below, 0.8, ExpectationStatistic.P95)));

        Assert.False(result.ExpectationsHeld);
        var failed = result.Expectations[0];
        Assert.False(failed.Held);
        Assert.Equal("expect availability web >= 99.95%", failed.Statement);
        Assert.Equal("dc.vdl(9,3)", failed.Origin);
        Assert.Equal(ExpectationMetric.Availability, failed.Metric);
        Assert.Equal("web", failed.Subject);
        Assert.Equal(ExpectationComparison.AtLeast, failed.Comparison);
        Assert.Equal(0.9995, failed.Threshold);
        Assert.Equal(0.833333, failed.Actual);

        // Built by hand, without a statement: it is written as a model would write it.
        Assert.Equal("expect p95 utilization h1 < 80%", result.Expectations[1].Statement);
        Assert.True(result.Expectations[1].Held);
    }

    /// <summary>Expectations are read after the run: the run's trace, figures and JSON are the same with or without them.</summary>
    [Fact]
    public void Expectations_change_nothing_in_the_run()
    {
        var without = Simulator.Run(OneReplica(), FourHoursDown());
        var with = Simulator.Run(OneReplica(), FourHoursDown(Expect(ExpectationMetric.Availability, "web", ExpectationComparison.AtLeast, 0.99)));

        Assert.Equal(without.Fingerprint, with.Fingerprint);
        Assert.Empty(without.Expectations);
        Assert.True(without.ExpectationsHeld);
        var json = ResultJsonWriter.ToJson(without);
        Assert.DoesNotContain("expectations", json, StringComparison.Ordinal);
        var withJson = ResultJsonWriter.ToJson(with);
        Assert.StartsWith(json[..json.LastIndexOf(']')], withJson, StringComparison.Ordinal);
        Assert.Contains("\"expectations\": [", withJson, StringComparison.Ordinal);
        Assert.Contains("\"held\": false", withJson, StringComparison.Ordinal);
        Assert.Contains("\"actual\": 0.833333", withJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_a_row_per_expectation()
    {
        var result = Simulator.Run(OneReplica(), FourHoursDown(
            Expect(ExpectationMetric.Downtime, "web", ExpectationComparison.AtMost, 30) with { Statement = "expect downtime web <= 30m", Origin = "m.vdl(3,3)" }));
        using var text = new StringWriter { NewLine = "\n" };
        ResultCsvWriter.WriteExpectations(result, text);
        Assert.Equal("statement,origin,metric,statistic,subject,comparison,threshold,actual,held\nexpect downtime web <= 30m,\"m.vdl(3,3)\",downtime,,web,<=,30,240,false\n", text.ToString());
    }

    /// <summary>What the results cannot have is refused before the run, as a scenario event naming nothing is.</summary>
    [Fact]
    public void An_expectation_about_a_name_the_topology_lacks_is_refused_before_the_run()
    {
        var e = Assert.Throws<SimulationSetupException>(() => Simulator.Run(OneReplica(), FourHoursDown(
            Expect(ExpectationMetric.Availability, "billing", ExpectationComparison.AtLeast, 0.99) with { Origin = "m.vdl(4,3)" },
            Expect(ExpectationMetric.Utilization, "w1", ExpectationComparison.Below, 0.8, ExpectationStatistic.P95),
            Expect(ExpectationMetric.Slowdown, "web", ExpectationComparison.Below, double.NaN))));

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains("m.vdl(4,3): an expectation names no application", e.Problems[0], StringComparison.Ordinal);
        Assert.Contains("no host is named 'w1'", e.Problems[1], StringComparison.Ordinal);
        Assert.Contains("finite", e.Problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluated_by_hand_a_subject_the_result_lacks_fails_with_no_figure()
    {
        var result = Simulator.Run(OneReplica(), FourHoursDown());
        var evaluated = Assert.Single(ExpectationEvaluation.Evaluate([Expect(ExpectationMetric.Served, "billing", ExpectationComparison.AtLeast, 0)], result));
        Assert.True(double.IsNaN(evaluated.Actual));
        Assert.False(evaluated.Held);
        Assert.Contains("\"actual\": null", ResultJsonWriter.ToJson(result with { Expectations = [evaluated] }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_has_a_table_of_verdicts_only_with_expectations()
    {
        var with = Simulator.Run(OneReplica(), FourHoursDown(
            Expect(ExpectationMetric.Availability, "web", ExpectationComparison.AtLeast, 0.9995) with { Statement = "expect availability web >= 99.95%", Origin = "m.vdl(4,3)" }));
        var html = Reports.HtmlReport.Render(with, "m.vdl");
        Assert.Contains("<h2>Expectations: 0 of 1 held</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>expect availability web &gt;= 99.95%</td><td>83.3333%</td><td>FAILED</td><td>m.vdl(4,3)</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"expectations\"", Reports.HtmlReport.Render(Simulator.Run(OneReplica(), FourHoursDown()), "m.vdl"), StringComparison.Ordinal);
    }
}
