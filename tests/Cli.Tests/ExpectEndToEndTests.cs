using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// `expect` statements through the real <c>vdl run</c> (issue 13, item 5): each verdict printed at its origin, exit 4
/// when one fails (with the failed one named on standard error), 0 when all hold, the verdicts in the JSON and CSV.
/// </summary>
public sealed class ExpectEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-expect-");

    public void Dispose() => _temporary.Dispose();

    /// <summary>examples/hosted.vdl with its scenario replaced by a day where dev-box is down 30 minutes.</summary>
    private string Model(params string[] expectations)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl"));
        text = text[..text.IndexOf("scenario workday", StringComparison.Ordinal)]
            + "scenario day {\n  duration = 1d\n  at 2h fail dev-box for 30m\n" + string.Concat(expectations.Select(e => "  " + e + "\n")) + "}\n";
        _temporary.Write("m.vdl", text);
        return text;
    }

    private int LineOf(string text, string statement) => text[..text.IndexOf(statement, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void A_failed_expectation_exits_4_and_is_named_at_its_origin()
    {
        var text = Model("expect downtime build-farm <= 30m", "expect availability build-farm >= 99.95%");
        var result = VdlProcess.Run(_temporary.Path, "run", "m.vdl", "--json", "out.json", "--csv", "csv");

        Assert.Equal(4, result.ExitCode);
        var line = LineOf(text, "expect availability");
        Assert.Contains($"vdl: m.vdl({line},3): expectation failed: `expect availability build-farm >= 99.95%`, but the run gave 97.9167%", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("downtime build-farm <= 30m`", result.Error, StringComparison.Ordinal);
        Assert.Contains("Expectations: 1 of 2 held.", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"expect downtime build-farm <= 30m +30m +held +m\.vdl\(\d+,3\)", result.Output);
        Assert.Matches(@"expect availability build-farm >= 99\.95% +97\.9167% +FAILED +m\.vdl\(\d+,3\)", result.Output);

        // The outputs are written all the same: the figures are what the failure is about.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temporary.Path, "out.json")));
        var expectations = json.RootElement.GetProperty("expectations").EnumerateArray().ToList();
        Assert.Equal([true, false], expectations.Select(e => e.GetProperty("held").GetBoolean()));
        Assert.Equal(0.9995, expectations[1].GetProperty("threshold").GetDouble());
        Assert.Equal(0.979167, expectations[1].GetProperty("actual").GetDouble());
        Assert.Equal($"m.vdl({line},3)", expectations[1].GetProperty("origin").GetString());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_temporary.Path, "csv", "expectations.csv")).Length);
    }

    [Fact]
    public void When_every_expectation_holds_the_run_exits_0()
    {
        Model("expect downtime build-farm <= 30m", "expect p95 utilization dev-box < 100%", "expect served test-db >= 90%");
        var result = VdlProcess.Run(_temporary.Path, "run", "m.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Expectations: 3 of 3 held.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void A_model_without_expectations_prints_and_writes_none()
    {
        Model();
        var result = VdlProcess.Run(_temporary.Path, "run", "m.vdl", "--json", "out.json", "--csv", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Expectations", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("expectations", File.ReadAllText(Path.Combine(_temporary.Path, "out.json")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temporary.Path, "csv", "expectations.csv")));
    }

    [Fact]
    public void A_malformed_expectation_stops_the_run_with_exit_1()
    {
        Model("expect availabilty build-farm >= 99%");
        var result = VdlProcess.Run(_temporary.Path, "run", "m.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("VDL0024", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean `availability`?", result.Output + result.Error, StringComparison.Ordinal);
    }
}
