using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning.Tests;

/// <summary>
/// The large-neighbourhood search: never worse than first-fit-decreasing and its plans within every rule, the same
/// plan on every run, and the optimum on a small instance where first-fit-decreasing is one machine above it.
/// </summary>
public sealed class NeighbourhoodSearchTests : IDisposable
{
    /// <summary>The search alone: the exact model never follows it.</summary>
    private static readonly PlanOptions SearchOnly = new() { TimeLimit = TimeSpan.FromSeconds(3), MaximumProvingTerms = 0 };

    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 300; seed < 308; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ItIsNeverWorseThanFirstFitDecreasingAndKeepsEveryRule(int seed)
    {
        var problem = Problem(RandomInstances.Model(seed, apps: 40, RandomInstances.Kinds[seed % RandomInstances.Kinds.Length]));
        var ffd = FirstFitDecreasing.Pack(problem, out _)!;
        var (bound, _) = LowerBound.Of(problem);

        var searched = NeighbourhoodSearch.Improve(problem, ffd, bound, seconds: 2, wallSeconds: 600);

        Assert.InRange(searched.Plan.HostCount(problem.Pools.Count), bound, ffd.HostCount(problem.Pools.Count));
        Assert.Equal(problem.Items.Count, searched.Plan.Pool.Length);
        PlanValidity.AssertValid(problem, searched.Plan);
        Assert.InRange(searched.DeterministicSeconds, 0, 2 + 0.5); // the budget, and at most the last sub-problem's limit over it
    }

    [Theory]
    [InlineData(310)]
    [InlineData(311)]
    [InlineData(312)]
    [InlineData(313)]
    [InlineData(314)]
    [InlineData(315)]
    public void AcrossPoolsInTwoSitesItKeepsReplicasOutOfOneSite(int seed)
    {
        // The random instance's pool in site east, and a second pool like it in site west: moves may cross pools.
        var model = RandomInstances.Model(seed, apps: 40, "bare_metal").Replace("  count    = 40\n", "  count    = 40\n  site     = east\n", StringComparison.Ordinal)
            + "\nsite east {}\n\nsite west {}\n\npool rack-west {\n  hardware = box\n  count    = 40\n  site     = west\n  hypervisor {\n    kind = bare_metal\n  }\n}\n";
        var problem = Problem(model);
        Assert.Equal(2, problem.Pools.Count);
        Assert.Contains(true, problem.SpansSites);
        var ffd = FirstFitDecreasing.Pack(problem, out _)!;
        var (bound, _) = LowerBound.Of(problem);

        var searched = NeighbourhoodSearch.Improve(problem, ffd, bound, seconds: 2, wallSeconds: 600);

        Assert.InRange(searched.Plan.HostCount(problem.Pools.Count), bound, ffd.HostCount(problem.Pools.Count));
        PlanValidity.AssertValid(problem, searched.Plan);
    }

    [Fact]
    public void TwoRunsFindTheSamePlan()
    {
        var problem = Problem(RandomInstances.Model(305, apps: 60, "bare_metal"));
        var ffd = FirstFitDecreasing.Pack(problem, out _)!;
        var (bound, _) = LowerBound.Of(problem);

        // A wall clock far past the budget: on a busy machine too, only the deterministic time ends the search.
        var first = NeighbourhoodSearch.Improve(problem, ffd, bound, seconds: 2, wallSeconds: 600);
        var second = NeighbourhoodSearch.Improve(problem, ffd, bound, seconds: 2, wallSeconds: 600);

        Assert.False(first.ClockStopped || second.ClockStopped);
        Assert.Equal(Bytes(first.Plan), Bytes(second.Plan));
        Assert.Equal(first.Neighbourhoods, second.Neighbourhoods);
    }

    [Fact]
    public void TwoPlansOfTheSameModelWriteTheSameBytes()
    {
        var model = TightPlanTests.Model(3);

        var (_, first) = _harness.Plan(model, SearchOnly);
        var (_, second) = _harness.Plan(model, SearchOnly);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ItReachesTheProvenOptimumFirstFitDecreasingMisses()
    {
        // Memory of 5, 4, 3, 3, 3 and 2 GiB on machines that hold 10: first-fit-decreasing opens a third machine for
        // the 2 (5 + 4, 3 + 3 + 3, 2); two hold it (5 + 3 + 2, 4 + 3 + 3), the bound of 20 GiB over 10.
        var model = TightPlanTests.Model(3);
        var problem = Problem(model);
        Assert.Equal(3, FirstFitDecreasing.Pack(problem, out _)!.HostCount(1));
        Assert.Equal(2, OptimumTests.Exhaustive(problem));

        var (result, _) = _harness.Plan(model, SearchOnly);

        Assert.Equal(2, result.Hosts.Count);
        Assert.Equal(3, result.FirstFitHosts);
        Assert.Equal(2, result.LowerBound);
        Assert.Equal(PlanStatus.Optimal, result.Status);
    }

    private static string Bytes(PackedPlan plan) => string.Join(' ', plan.Pool.Zip(plan.Host, (p, h) => $"{p}:{h}"));

    private PlanningProblem Problem(string model)
    {
        var compilation = _harness.Compile(model);
        return PlanningProblem.Build(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new List<Diagnostic>())!;
    }
}
