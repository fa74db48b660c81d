using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning.Tests;

/// <summary>
/// The L2 bound: above the sum of sizes when items are large, never above the optimum that exhaustive search finds,
/// on one dimension and on random plans (every bucket, memory, vCPUs and the rules together).
/// </summary>
public sealed class MartelloTothBoundTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(new long[] { 6, 6, 6 }, 10, 3)] // the sum says 2: no two of them share a bin
    [InlineData(new long[] { 6, 4, 4, 4, 2 }, 10, 2)] // 6 + 4, 4 + 4 + 2
    [InlineData(new long[] { 7, 7, 3, 3, 3 }, 10, 3)] // 7 + 3 twice, and a third 3 has no room: L2 with K = 3
    [InlineData(new long[] { 10, 1 }, 10, 2)]
    [InlineData(new long[] { }, 10, 0)]
    public void ItCountsTheBinsLargeItemsNeed(long[] sizes, long capacity, long expected)
    {
        Assert.Equal(expected, MartelloTothBound.Of(sizes, capacity));
    }

    [Fact]
    public void ItIsNeverAboveTheOptimumOfRandomItems()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var capacity = 10 + random.Next(20);
            var sizes = Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (long)(1 + random.Next(capacity))).ToArray();

            var bound = MartelloTothBound.Of(sizes, capacity);

            Assert.InRange(bound, (long)Math.Ceiling(sizes.Sum() / (double)capacity), Optimum(sizes, capacity));
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(406)]
    [InlineData(407)]
    public void ThePlansBoundIsNeverAboveTheExhaustiveOptimum(int seed)
    {
        var compilation = _harness.Compile(RandomInstances.Model(seed, apps: 6, RandomInstances.Kinds[seed % RandomInstances.Kinds.Length]));
        var problem = PlanningProblem.Build(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new List<Diagnostic>())!;

        var (bound, _) = LowerBound.Of(problem);

        Assert.InRange(bound, 1, OptimumTests.Exhaustive(problem));
    }

    [Fact]
    public void ItProvesAPlanOfLargeInstancesOptimalWithoutTheSolver()
    {
        // Six instances of 6 GiB on machines that hold 10: the memory summed says 4 machines, L2 says 6.
        var model = TightPlanTests.Model(3).Replace("5GiB", "6GiB", StringComparison.Ordinal).Replace("4GiB", "6GiB", StringComparison.Ordinal)
            .Replace("3GiB", "6GiB", StringComparison.Ordinal).Replace("2GiB", "6GiB", StringComparison.Ordinal);
        var compilation = _harness.Compile(model.Replace("count    = 3", "count    = 6", StringComparison.Ordinal));
        var diagnostics = new List<Diagnostic>();

        var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions { UseSolver = false }, diagnostics)!;

        Assert.Equal(6, result.Hosts.Count);
        Assert.Equal(6, result.LowerBound);
        Assert.Equal(PlanStatus.Optimal, result.Status);
    }

    /// <summary>The fewest bins by trying every bin for every item (restricted growth), for a handful of items.</summary>
    private static long Optimum(long[] sizes, long capacity)
    {
        var best = (long)sizes.Length;
        var bins = new List<long>();

        void Place(int i)
        {
            if (bins.Count >= best)
            {
                return;
            }

            if (i == sizes.Length)
            {
                best = bins.Count;
                return;
            }

            for (var b = 0; b < bins.Count; b++)
            {
                if (bins[b] + sizes[i] <= capacity)
                {
                    bins[b] += sizes[i];
                    Place(i + 1);
                    bins[b] -= sizes[i];
                }
            }

            bins.Add(sizes[i]);
            Place(i + 1);
            bins.RemoveAt(bins.Count - 1);
        }

        Place(0);
        return best;
    }
}
