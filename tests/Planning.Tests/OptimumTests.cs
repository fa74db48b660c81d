using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning.Tests;

/// <summary>
/// On small instances the planner's machine count is the optimum, proved here by exhaustive search over every
/// assignment of instances to machines (restricted growth: machine k opens only after machine k − 1), with the same
/// capacities and pair rules; and the proven lower bound never exceeds it.
/// </summary>
public sealed class OptimumTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 100; seed < 112; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ThePlanUsesTheFewestMachinesExhaustiveSearchFinds(int seed)
    {
        var kind = RandomInstances.Kinds[seed % RandomInstances.Kinds.Length];
        var model = RandomInstances.Model(seed, apps: 6, kind);
        var compilation = _harness.Compile(model);
        var plan = compilation.SemanticModel.Plans[0];
        var problem = PlanningProblem.Build(compilation.SemanticModel, plan, [])!;
        Assert.InRange(problem.Items.Count, 1, 9); // small enough to enumerate

        var optimum = Exhaustive(problem);
        var result = Planner.Plan(compilation.SemanticModel, plan, new PlanOptions { TimeLimit = TimeSpan.FromSeconds(20) }, new List<Diagnostic>())!;

        Assert.Equal(optimum, result.Hosts.Count);
        Assert.Equal(PlanStatus.Optimal, result.Status);
        Assert.InRange(result.LowerBound, 1, optimum);
    }

    /// <summary>The fewest machines of the first pool that hold every instance; int.MaxValue when none do.</summary>
    internal static int Exhaustive(PlanningProblem problem)
    {
        var pool = problem.Pools[0];
        var items = problem.Items;
        var best = int.MaxValue;
        var hosts = new List<HostLoad>();

        void Place(int i)
        {
            if (hosts.Count >= best)
            {
                return;
            }

            if (i == items.Count)
            {
                best = hosts.Count;
                return;
            }

            var demand = problem.Demands[i, 0]!;
            foreach (var host in hosts.ToList())
            {
                if (host.Fits(demand, pool) && host.Items.All(other => problem.CanShare(items[i], other, pool)))
                {
                    host.Add(items[i], demand);
                    Place(i + 1);
                    host.RemoveLast(demand);
                }
            }

            if (hosts.Count < pool.Usable)
            {
                var fresh = new HostLoad(problem.Buckets);
                fresh.Add(items[i], demand);
                hosts.Add(fresh);
                Place(i + 1);
                hosts.RemoveAt(hosts.Count - 1);
            }
        }

        Place(0);
        return best;
    }
}
