namespace VirtLang.Planning.Tests;

/// <summary>
/// Property over random instances: every placed model checks with no error, simulates with every application
/// served, and never uses more machines than first-fit-decreasing; the same input plans to the same bytes.
/// </summary>
public sealed class PlacedModelTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<int, string> Instances()
    {
        var data = new TheoryData<int, string>();
        for (var seed = 1; seed <= 8; seed++)
        {
            data.Add(seed, RandomInstances.Kinds[seed % RandomInstances.Kinds.Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void APlacedModelChecksSimulatesWithEveryApplicationServedAndBeatsOrMatchesFirstFit(int seed, string kind)
    {
        var (result, placed) = _harness.Plan(RandomInstances.Model(seed, apps: 10, kind));

        Assert.True(result.FirstFitHosts is { } ffd && result.Hosts.Count <= ffd, $"{result.Hosts.Count} hosts against first-fit-decreasing's {result.FirstFitHosts}");
        Assert.InRange(result.LowerBound, 1, result.Hosts.Count);
        // Every replica is placed exactly once.
        Assert.Equal(result.Plan.Applications.Sum(a => a.Replicas), result.Hosts.Sum(h => h.Instances.Count));

        var compilation = _harness.Compile(placed, "placed.vdl");
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError || d.Severity == Language.Diagnostics.DiagnosticSeverity.Warning).Select(d => d.ToString()));

        var run = _harness.Run(placed);
        Assert.All(run.Applications, a => Assert.True(a.DemandSatisfied >= 0.999, $"{a.Name} served {a.DemandSatisfied:P3}"));
        Assert.Equal(result.Plan.Applications.Count, run.Applications.Count);
    }

    [Fact]
    public void TheSameModelPlansToTheSameBytes()
    {
        var model = RandomInstances.Model(11, apps: 14, "bare_metal");
        var first = _harness.Plan(model).Placed;
        var second = _harness.Plan(model).Placed;
        Assert.Equal(first, second);
    }

    [Fact]
    public void TheInputsCommentsAndDeclarationsStayAndTheReplacedHostsGo()
    {
        var model = RandomInstances.Model(3, apps: 4, "bare_metal") + "\n// the old server of a0\nhost old-a0 : box {\n  os   = linux\n  runs = [a0]\n}\n";
        var placed = _harness.Plan(model).Placed;
        Assert.Contains("// A random plan instance (seed 3).", placed, StringComparison.Ordinal);
        Assert.Contains("plan p {", placed, StringComparison.Ordinal);
        Assert.DoesNotContain("host old-a0", placed, StringComparison.Ordinal);
        Assert.Contains("host rack-1 : box {", placed, StringComparison.Ordinal);
    }
}
