using VirtLang.Compiler.Hosting;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// `expect` statements in the checker and through the generated code (issue 13, item 5): names and kinds as every
/// statement, the metric's unit, expectations decided before the run (VDL1048), a counted host (VDL1049); what checks
/// clean is what the run evaluates.
/// </summary>
public sealed class ExpectationCheckTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new("vdl-expect-");

    public void Dispose() => _folder.Dispose();

    /// <summary>examples/hosted.vdl: apps build-farm and test-db, host dev-box, VMs builder and database; a scenario of a day.</summary>
    private ModelCompilation Check(string statements, string extra = "")
    {
        var path = _folder.Write("m.vdl", ScenarioValidationTests.Topology() + extra + "scenario s {\n  duration = 1d\n" + statements + "\n}\n");
        return ModelCompilation.FromFiles([path]);
    }

    /// <summary>The line of the first statement: after the topology, `scenario s {` and `duration = 1d`.</summary>
    private static int FirstStatementLine => ScenarioValidationTests.Topology().Count(c => c == '\n') + 3;

    private static List<string> Codes(ModelCompilation compilation) =>
        [.. compilation.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Code)];

    [Theory]
    [InlineData("expect availability build-farm >= 99.95%")]
    [InlineData("expect served test-db >= 99%")]
    [InlineData("expect p95 utilization dev-box < 80%")]
    [InlineData("expect downtime build-farm <= 30m")]
    [InlineData("expect slowdown test-db <= 1.2")]
    [InlineData("expect mean utilization dev-box < 60%")]
    [InlineData("expect max utilization dev-box <= 95%")]
    [InlineData("expect utilization dev-box < 60%")]
    [InlineData("expect availability build-farm >= 100%")] // can hold (never down) and can fail
    [InlineData("expect availability build-farm > 0%")]
    [InlineData("expect downtime build-farm < 1d")]
    [InlineData("expect slowdown test-db > 1")]
    public void The_forms_of_the_language_check_clean(string statement)
    {
        Assert.Equal([], Codes(Check("  " + statement)));
    }

    [Theory]
    [InlineData("expect availability billing >= 99%", "VDL1001")] // no such name
    [InlineData("expect availability dev-box >= 99%", "VDL1004")] // a host is not an app
    [InlineData("expect p95 utilization builder < 80%", "VDL1004")] // a VM is not a host
    [InlineData("expect utilization build-farm < 80%", "VDL1004")]
    [InlineData("expect availability build-farm >= 99", "VDL1012")] // a percentage, not a number
    [InlineData("expect downtime build-farm <= 99%", "VDL1012")] // a time
    [InlineData("expect slowdown build-farm <= 120%", "VDL1012")] // a factor
    [InlineData("expect served build-farm >= -1%", "VDL1015")]
    [InlineData("expect availability build-farm >= 101%", "VDL1048")] // never holds
    [InlineData("expect availability build-farm > 100%", "VDL1048")]
    [InlineData("expect availability build-farm >= 0%", "VDL1048")] // never fails
    [InlineData("expect p95 utilization dev-box <= 100%", "VDL1048")]
    [InlineData("expect max utilization dev-box < 0%", "VDL1048")]
    [InlineData("expect downtime build-farm <= 1d", "VDL1048")] // the whole scenario
    [InlineData("expect downtime build-farm > 1d", "VDL1048")]
    [InlineData("expect slowdown test-db >= 0", "VDL1048")]
    [InlineData("expect availabilty build-farm >= 99%", "VDL0024")]
    [InlineData("expect p95 served build-farm >= 99%", "VDL0024")]
    [InlineData("expect served build-farm == 99%", "VDL0024")]
    public void Mistakes_are_reported_where_they_are_written(string statement, string code)
    {
        var compilation = Check("  " + statement);
        Assert.Equal([code], Codes(compilation));
        Assert.Equal(FirstStatementLine, compilation.Diagnostics.First(d => d.Code == code).Location.Start.Line);
    }

    [Fact]
    public void A_counted_host_is_named_by_its_copy()
    {
        const string Farm = "host rack : workstation {\n  count = 2\n  os    = ubuntu22\n}\n\n";
        Assert.Equal(["VDL1049"], Codes(Check("  expect p95 utilization rack < 80%", Farm)));
        Assert.Equal([], Codes(Check("  expect p95 utilization rack-2 < 80%", Farm)));
        Assert.Equal(["VDL1001"], Codes(Check("  expect p95 utilization rack-3 < 80%", Farm)));
    }

    [Fact]
    public void An_expect_outside_a_scenario_is_a_syntax_error()
    {
        var path = _folder.Write("m.vdl", ScenarioValidationTests.Topology().Replace("host dev-box : workstation {", "host dev-box : workstation {\n  expect availability build-farm >= 99%", StringComparison.Ordinal));
        Assert.Contains("VDL0025", Codes(ModelCompilation.FromFiles([path])));
    }

    /// <summary>Through the generated C#: the scenario carries its expectations, and the run evaluates them.</summary>
    [Fact]
    public void The_generated_code_carries_the_expectations_and_the_run_evaluates_them()
    {
        var compilation = Check("""
              at 2h fail dev-box for 30m
              expect availability build-farm >= 99.95%
              expect downtime build-farm <= 30m
              expect p95 utilization dev-box < 100%
            """);
        Assert.Equal([], Codes(compilation));
        var lowered = ModelHost.Load(compilation, _folder.Path);
        var scenario = Assert.Single(lowered.Scenarios);

        Assert.Equal(3, scenario.Expectations.Count);
        var availability = scenario.Expectations[0];
        Assert.Equal(new Expectation(ExpectationMetric.Availability, ExpectationStatistic.None, "build-farm", ExpectationComparison.AtLeast, 0.9995)
        {
            Statement = "expect availability build-farm >= 99.95%",
            Origin = availability.Origin,
        }, availability);
        Assert.EndsWith($"m.vdl({FirstStatementLine + 1},3)", availability.Origin, StringComparison.Ordinal);
        Assert.Equal(30, scenario.Expectations[1].Threshold);
        Assert.Equal(ExpectationStatistic.P95, scenario.Expectations[2].Statistic);

        var result = Simulator.Run(lowered.Topology, scenario);
        Assert.Equal([false, true, true], result.Expectations.Select(e => e.Held));
        Assert.Equal(30, result.Expectations[1].Actual);
        Assert.Equal(1 - (30.0 / 1440), result.Expectations[0].Actual, 6);
        Assert.False(result.ExpectationsHeld);
    }
}
