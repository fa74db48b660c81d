using System.Globalization;

namespace VirtLang.Planning.Tests;

/// <summary>
/// Disaster recovery weighed by site: the replicas of an application whose pools stand in several sites are balanced,
/// at most ⌈replicas ÷ sites⌉ in one, so that the simulator's <c>fail site</c> of either site leaves the most of them
/// serving: the lost site's share waits the application's <c>rto</c>, then the survivors serve it.
/// </summary>
public sealed class SiteBalanceTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>
    /// Four replicas of `web` (rto 15 minutes), pools of one userland in east and west, east first: unweighted, the
    /// rule of VDL4009 alone kept three in east (first-fit-decreasing fills the first pool and sends only the last
    /// replica west). The scenario fails <paramref name="failed"/> for four hours of the day.
    /// </summary>
    private static string Model(string failed, int westCount = 4, int sites = 2) => string.Create(CultureInfo.InvariantCulture, $$"""
        os linux {
          family = linux
        }

        hardware box {
          cpu {
            cores = 32
          }
          memory = 128GiB
        }

        site east {}
        site west {}
        site north {}

        app web {
          replicas = 4
          rto      = 15m
          requires {
            os = [linux]
          }
          demand {
            cpu     = 1
            memory  = 2GiB
            profile = constant(50%)
          }
        }

        pool east-rack {
          hardware = box
          count    = 4
          os       = linux
          site     = east
        }

        pool west-rack {
          hardware = box
          count    = {{westCount}}
          os       = linux
          site     = west
        }

        pool north-rack {
          hardware = box
          count    = 4
          os       = linux
          site     = north
        }

        plan dr {
          pools   = [{{(sites == 2 ? "east-rack, west-rack" : "east-rack, west-rack, north-rack")}}]
          horizon = 1d
        }

        scenario lose-a-site {
          duration = 1d
          step     = 5m
          seed     = 1
          at 2h fail site {{failed}} for 4h
        }
        """);

    private static Dictionary<string, int> ReplicasPerSite(PlanResult result) =>
        result.Hosts.SelectMany(h => h.Instances.Select(_ => h.Pool.Site!.Name)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FourReplicasOverTwoSitesStandTwoAndTwo(bool solver)
    {
        var (result, _) = _harness.Plan(Model("east"), new PlanOptions { UseSolver = solver, TimeLimit = TimeSpan.FromSeconds(10) });

        Assert.Equal(new Dictionary<string, int> { ["east"] = 2, ["west"] = 2 }, ReplicasPerSite(result));
    }

    [Fact]
    public void OverThreeSitesAtMostTwoStandInOne()
    {
        var (result, _) = _harness.Plan(Model("east", sites: 3));

        var perSite = ReplicasPerSite(result);
        Assert.Equal(4, perSite.Values.Sum());
        Assert.All(perSite.Values, n => Assert.InRange(n, 1, 2)); // ⌈4 ÷ 3⌉ = 2
    }

    [Theory]
    [InlineData("east")]
    [InlineData("west")]
    public void LosingEitherSiteLeavesHalfServingAndTheRestServedAfterTheRto(string failed)
    {
        var (_, placed) = _harness.Plan(Model(failed));

        var run = _harness.Run(placed);

        var web = Assert.Single(run.Applications, a => a.Name == "web");
        var failover = Assert.Single(run.Failovers, f => f.Application == "web");
        Assert.Equal(failed, failover.FromSite);
        Assert.Equal(15, failover.WaitMinutes, 3);
        // Half of web's demand (the failed site's two replicas) waits 15 minutes of the day; all the rest is served.
        var waited = 0.5 * 15 / (24 * 60);
        Assert.InRange(web.DemandSatisfied, 1 - waited - 0.001, 1 - waited + 0.001);
    }

    [Fact]
    public void WhenTheSecondSiteCannotHoldItsShareThePlanSaysSo()
    {
        // One machine in west: `web`'s replicas share no userland (kind none), so west holds one, and the balance wants two.
        var diagnostic = Assert.Single(_harness.PlanDiagnostics(Model("east", westCount: 1)));

        Assert.Equal("VDL7012", diagnostic.Code);
        Assert.Equal(
            "plan `dr` cannot balance app `web` over its sites: at most 2 of its 4 replicas may stand in one site (⌈4 ÷ 2 sites⌉, so that losing any one site keeps the most of them serving), "
            + "and instance 4 finds no machine with room in a site that holds fewer: site `east` (pool `east-rack`: 4 usable); site `west` (pool `west-rack`: 1 usable); "
            + "add machines to a pool of the site with fewer, lower `spare` or raise `target`, or plan it on the pools of one site (the plan's `pools`)",
            diagnostic.Message);
    }
}
