using System.Globalization;
using System.Text;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Planning.Tests;

/// <summary>
/// The large-neighbourhood search under <c>objective = energy</c>: never more watt-hours than first-fit-decreasing,
/// its plans within every rule, the same plan on every run, and the exhaustive optimum in energy on a small instance
/// where first-fit-decreasing stays on the hungry pool and one machine too many.
/// </summary>
public sealed class EnergySearchTests : IDisposable
{
    /// <summary>The search alone: the exact model never follows it.</summary>
    private static readonly PlanOptions SearchOnly = new() { TimeLimit = TimeSpan.FromSeconds(4), MaximumProvingTerms = 0 };

    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>A random instance under energy, with a second pool of frugal machines after the first.</summary>
    private static string TwoPools(int seed, int apps) =>
        RandomInstances.Model(seed, apps, "bare_metal").Replace("target = 70%", "target    = 70%\n  objective = energy", StringComparison.Ordinal)
        + "\nhardware frugal {\n  cpu {\n    sockets = 1\n    cores   = 16\n  }\n  memory = 64GiB\n  power {\n    idle = 60W\n    max  = 250W\n  }\n}\n"
        + "\npool green {\n  hardware = frugal\n  count    = 6\n  hypervisor {\n    kind = bare_metal\n  }\n}\n";

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    public void ItNeverDrawsMoreThanFirstFitDecreasingAndKeepsEveryRule(int seed)
    {
        var problem = Problem(TwoPools(seed, apps: 30));
        Assert.Equal(2, problem.Pools.Count);
        var ffd = FirstFitDecreasing.Pack(problem, out _)!;

        var searched = NeighbourhoodSearch.Improve(problem, ffd, bound: 0, seconds: 2, wallSeconds: 600);

        PlanValidity.AssertValid(problem, searched.Plan);
        Assert.Equal(problem.Items.Count, searched.Plan.Pool.Length);
        Assert.True(PlanEnergy.Of(problem, searched.Plan) <= PlanEnergy.Of(problem, ffd), $"{PlanEnergy.Of(problem, searched.Plan)} Wh against {PlanEnergy.Of(problem, ffd)}");
        Assert.InRange(searched.DeterministicSeconds, 0, 2 + 0.5);
    }

    [Fact]
    public void ItMovesLoadToTheFrugalPoolFirstFitDecreasingLeavesUnused()
    {
        // First-fit-decreasing fills the first pool; six frugal machines stand unused: the search must use some.
        var problem = Problem(TwoPools(401, apps: 30));
        var ffd = FirstFitDecreasing.Pack(problem, out _)!;
        Assert.Equal(0, ffd.HostsPerPool(2)[1]);

        var searched = NeighbourhoodSearch.Improve(problem, ffd, bound: 0, seconds: 2, wallSeconds: 600);

        Assert.True(searched.Plan.HostsPerPool(2)[1] > 0);
        Assert.True(PlanEnergy.Of(problem, searched.Plan) < PlanEnergy.Of(problem, ffd));
    }

    [Fact]
    public void TwoRunsFindTheSamePlanAndWriteTheSameBytes()
    {
        var model = TwoPools(402, apps: 40);
        var problem = Problem(model);
        var ffd = FirstFitDecreasing.Pack(problem, out _)!;

        // A wall clock far past the budget: on a busy machine too, only the deterministic time ends the search.
        var first = NeighbourhoodSearch.Improve(problem, ffd, bound: 0, seconds: 2, wallSeconds: 600);
        var second = NeighbourhoodSearch.Improve(problem, ffd, bound: 0, seconds: 2, wallSeconds: 600);

        Assert.False(first.ClockStopped || second.ClockStopped);
        Assert.Equal(Bytes(first.Plan), Bytes(second.Plan));
        Assert.Equal(first.Neighbourhoods, second.Neighbourhoods);
        // Through the planner on a model whose search ends well within the wall clock on a busy machine too.
        Assert.Equal(_harness.Plan(Tight(), SearchOnly).Placed, _harness.Plan(Tight(), SearchOnly).Placed);
    }

    [Fact]
    public void ItReachesTheExhaustiveOptimumFirstFitDecreasingMisses()
    {
        // Memory of 5, 4, 3, 3, 3 and 2 GiB on machines that hold 10, a hungry pool first and a frugal one second:
        // first-fit-decreasing opens three hungry machines; the least energy is two frugal ones (5 + 3 + 2, 4 + 3 + 3).
        var model = Tight();
        var problem = Problem(model);
        var ffd = FirstFitDecreasing.Pack(problem, out _)!;
        var optimum = ExhaustiveEnergy(problem);
        Assert.Equal([3, 0], ffd.HostsPerPool(2));
        Assert.True(optimum < PlanEnergy.Of(problem, ffd));

        var searched = NeighbourhoodSearch.Improve(problem, ffd, bound: 0, seconds: 4, wallSeconds: 600);
        var (result, _) = _harness.Plan(model, SearchOnly);

        Assert.Equal(optimum, PlanEnergy.Of(problem, searched.Plan));
        Assert.Equal([0, 2], searched.Plan.HostsPerPool(2));
        Assert.Equal(["green-1", "green-2"], result.Hosts.Select(h => h.Name));
    }

    private static string Tight()
    {
        var text = new StringBuilder("os linux {\n  family = linux\n}\n\n");
        text.AppendLine("hardware hungry {\n  cpu {\n    cores = 64\n  }\n  memory = 11GiB\n  power {\n    idle = 300W\n    max  = 500W\n  }\n}\n");
        text.AppendLine("hardware frugal {\n  cpu {\n    cores = 64\n  }\n  memory = 11GiB\n  power {\n    idle = 80W\n    max  = 200W\n  }\n}\n");
        var sizes = new[] { 5, 4, 3, 3, 3, 2 };
        for (var i = 0; i < sizes.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"app a{i} {{\n  requires {{\n    os = [linux]\n  }}\n  demand {{\n    cpu     = 0.1\n    memory  = {sizes[i]}GiB\n    profile = constant(50%)\n  }}\n}}\n");
        }

        text.AppendLine("pool old {\n  hardware = hungry\n  count    = 4\n  os       = linux\n}\n");
        text.AppendLine("pool green {\n  hardware = frugal\n  count    = 2\n  os       = linux\n}\n");
        text.AppendLine("plan tight {\n  target    = 70%\n  horizon   = 1d\n  objective = energy\n}");
        return text.ToString();
    }

    /// <summary>The least energy of any packing of every instance on the pools' usable machines, by enumeration.</summary>
    internal static long ExhaustiveEnergy(PlanningProblem problem)
    {
        var items = problem.Items;
        var best = long.MaxValue;
        var open = problem.Pools.Select(_ => new List<HostLoad>()).ToArray();

        void Place(int i, long energy)
        {
            if (energy >= best)
            {
                return;
            }

            if (i == items.Count)
            {
                best = energy;
                return;
            }

            for (var p = 0; p < problem.Pools.Count; p++)
            {
                if (problem.Demands[i, p] is not { } demand)
                {
                    continue;
                }

                var pool = problem.Pools[p];
                var dynamic = PlanEnergy.DynamicWattHours(problem, i, p);
                foreach (var host in open[p].ToList())
                {
                    if (host.Fits(demand, pool) && host.Items.All(other => problem.CanShare(items[i], other, pool)) && SiteAllows(problem, open, items[i], p))
                    {
                        host.Add(items[i], demand);
                        Place(i + 1, energy + dynamic);
                        host.RemoveLast(demand);
                    }
                }

                if (open[p].Count < pool.Usable && SiteAllows(problem, open, items[i], p))
                {
                    var fresh = new HostLoad(problem.Buckets);
                    fresh.Add(items[i], demand);
                    open[p].Add(fresh);
                    Place(i + 1, energy + dynamic + PlanEnergy.IdleWattHours(problem, p));
                    open[p].RemoveAt(open[p].Count - 1);
                }
            }
        }

        Place(0, 0);
        return best;
    }

    private static bool SiteAllows(PlanningProblem problem, List<HostLoad>[] open, PlanItem item, int pool)
    {
        var sites = open.SelectMany((hosts, p) => hosts.SelectMany(h => h.Items.Where(o => o.AppIndex == item.AppIndex).Select(_ => problem.SiteOfPool[p]))).ToList();
        return problem.SiteAllows(item, pool, sites);
    }

    private static string Bytes(PackedPlan plan) => string.Join(' ', plan.Pool.Zip(plan.Host, (p, h) => $"{p}:{h}"));

    private PlanningProblem Problem(string model)
    {
        var compilation = _harness.Compile(model);
        return PlanningProblem.Build(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new List<Diagnostic>())!;
    }
}
