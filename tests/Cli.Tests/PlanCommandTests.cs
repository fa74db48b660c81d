using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// <c>vdl plan</c> through the real <c>vdl</c>: the shipped one-app-per-server example consolidated onto its pool, a
/// placed model that <c>vdl check</c> accepts, the figures on standard output and in JSON, the same bytes twice; an
/// output over the model refused; a model without a plan explained.
/// </summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-plan-");

    public void Dispose() => _temporary.Dispose();

    private string Example()
    {
        var path = Path.Combine(_temporary.Path, "servers.vdl");
        File.Copy(Path.Combine(RepositoryPaths.Examples, "one-app-per-server.vdl"), path, overwrite: true);
        return path;
    }

    [Fact]
    public void TheExamplePlansOntoTwoHostsThatCheckCleanWithTheFiguresPrinted()
    {
        Example();
        var result = VdlProcess.Run(_temporary.Path, "plan", "servers.vdl", "-o", "placed.vdl", "--json", "plan.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Plan `consolidate`: 2 hosts", result.Output, StringComparison.Ordinal);
        Assert.Contains("pool dl380s: 2 of 4", result.Output, StringComparison.Ordinal);
        Assert.Contains("Lower bound: 2 (gap 0.0%); first-fit-decreasing: 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("Status: optimal", result.Output, StringComparison.Ordinal);
        Assert.Contains("Binding: cpu", result.Output, StringComparison.Ordinal);

        var placed = File.ReadAllText(Path.Combine(_temporary.Path, "placed.vdl"));
        Assert.StartsWith("// Before virtualization: one application per server.", placed, StringComparison.Ordinal);
        Assert.DoesNotContain("host mail-01", placed, StringComparison.Ordinal);
        Assert.Contains("host dl380s-1 : dl380 {", placed, StringComparison.Ordinal);
        Assert.Contains("host dl380s-2 : dl380 {", placed, StringComparison.Ordinal);
        Assert.DoesNotContain("host dl380s-3", placed, StringComparison.Ordinal);

        var check = VdlProcess.Run(_temporary.Path, "check", "placed.vdl");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("0 errors, 0 warnings", check.Output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temporary.Path, "plan.json")));
        var root = json.RootElement;
        Assert.Equal("virtlang.plan/1", root.GetProperty("schema").GetString());
        Assert.Equal(2, root.GetProperty("hosts").GetInt32());
        Assert.Equal(2, root.GetProperty("lowerBound").GetInt32());
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        Assert.Equal(4, root.GetProperty("placements").EnumerateArray().Sum(h => h.GetProperty("instances").GetArrayLength()));

        var again = VdlProcess.Run(_temporary.Path, "plan", "servers.vdl", "-o", "placed-again.vdl", "--json", "plan-again.json");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temporary.Path, "placed.vdl")), File.ReadAllBytes(Path.Combine(_temporary.Path, "placed-again.vdl")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temporary.Path, "plan.json")), File.ReadAllBytes(Path.Combine(_temporary.Path, "plan-again.json")));
    }

    [Fact]
    public void CompareRunsThePlanUnderEveryKindThePoolCanRunSideBySide()
    {
        Example();
        var result = VdlProcess.Run(_temporary.Path, "plan", "servers.vdl", "-o", "placed.vdl", "--compare", "--time-limit", "5s");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = result.Output.Split('\n').SkipWhile(l => !l.StartsWith("kind ", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(c => c[0], c => c);
        Assert.Equal(["none", "os_level", "hosted", "bare_metal"], rows.Keys);
        Assert.Equal("2", rows["bare_metal"][1]); // the plan as written
        // One userland costs nothing, a hosted hypervisor the most: the cost model's order.
        double Slowdown(string kind) => double.Parse(rows[kind][4].TrimEnd('x'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1.0, Slowdown("none"));
        Assert.True(Slowdown("hosted") > Slowdown("bare_metal"), result.Output);
        Assert.True(int.Parse(rows["none"][1], System.Globalization.CultureInfo.InvariantCulture) <= 2, result.Output);
    }

    [Fact]
    public void AnOutputThatIsTheModelIsRefusedAndTheModelIsUnchanged()
    {
        var before = File.ReadAllBytes(Example());
        var result = VdlProcess.Run(_temporary.Path, "plan", "servers.vdl", "-o", "./servers.vdl");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("-o ./servers.vdl would overwrite servers.vdl, a file of the model", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_temporary.Path, "servers.vdl")));
    }

    [Fact]
    public void AModelWithoutAPlanIsVdl7001AndNothingIsWritten()
    {
        File.WriteAllText(Path.Combine(_temporary.Path, "bare.vdl"), "os linux {\n  family = linux\n}\n");
        var result = VdlProcess.Run(_temporary.Path, "plan", "bare.vdl", "-o", "out.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("VDL7001", result.Output, StringComparison.Ordinal);
        Assert.Contains("the model has no `plan` block", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temporary.Path, "out.vdl")));
    }

    [Theory]
    [InlineData("2h")]
    [InlineData("60")]
    [InlineData("fast")]
    public void ATimeLimitThatIsNotATimeUpToAnHourIsAUsageError(string limit)
    {
        Example();
        var result = VdlProcess.Run(_temporary.Path, "plan", "servers.vdl", "-o", "out.vdl", "--time-limit", limit);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--time-limit", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temporary.Path, "out.vdl")));
    }

    [Fact]
    public void ATightPlanFirstFitDecreasingCannotPackIsPlannedAndSaysSo()
    {
        // 5, 4, 3, 3, 3 and 2 GiB on two machines that hold 10 GiB: first-fit-decreasing strands the 2; CP-SAT does not.
        var apps = string.Concat(new[] { 5, 4, 3, 3, 3, 2 }.Select((gib, i) =>
            $"app a{i} {{\n  requires {{\n    os = [linux]\n  }}\n  demand {{\n    cpu     = 0.1\n    memory  = {gib}GiB\n    profile = constant(50%)\n  }}\n}}\n\n"));
        File.WriteAllText(Path.Combine(_temporary.Path, "tight.vdl"),
            "os linux {\n  family = linux\n}\n\nhardware box {\n  cpu {\n    cores = 64\n  }\n  memory = 11GiB\n}\n\n" + apps
            + "pool rack {\n  hardware = box\n  count    = 2\n  os       = linux\n}\n\nplan tight {\n  horizon = 1d\n}\n");

        var result = VdlProcess.Run(_temporary.Path, "plan", "tight.vdl", "-o", "placed.vdl", "--json", "plan.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Plan `tight`: 2 hosts", result.Output, StringComparison.Ordinal);
        Assert.Contains("first-fit-decreasing: no plan", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temporary.Path, "plan.json")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("firstFitDecreasingHosts").ValueKind);

        var heuristic = VdlProcess.Run(_temporary.Path, "plan", "tight.vdl", "-o", "placed-ffd.vdl", "--time-limit", "0s");
        Assert.Equal(1, heuristic.ExitCode);
        Assert.Contains("VDL7004", heuristic.Output, StringComparison.Ordinal);
    }
}
