namespace VirtLang.Planning.Tests;

/// <summary>
/// A packing held to the rules by a check of its own, not the solver's: every instance on a pool that may run it,
/// each machine within its CPU in every bucket, memory and vCPUs, no two instances together that may not share, and
/// the replicas of an application that must span sites balanced over them (at most ⌈replicas ÷ sites⌉ in one).
/// </summary>
internal static class PlanValidity
{
    public static void AssertValid(PlanningProblem problem, PackedPlan plan)
    {
        foreach (var machine in problem.Items.GroupBy(i => (Pool: plan.Pool[i.Index], Host: plan.Host[i.Index])))
        {
            var pool = problem.Pools[machine.Key.Pool];
            var load = new HostLoad(problem.Buckets);
            foreach (var item in machine)
            {
                var demand = problem.Demands[item.Index, machine.Key.Pool];
                Assert.NotNull(demand);
                Assert.True(load.Fits(demand, pool), $"machine {machine.Key} is over capacity with instance {item.Index}");
                Assert.True(load.Items.All(other => problem.CanShare(item, other, pool)), $"instance {item.Index} may not share machine {machine.Key}");
                load.Add(item, demand);
            }
        }

        foreach (var app in problem.Items.Where(i => problem.SpansSites[i.AppIndex]).GroupBy(i => i.AppIndex))
        {
            Assert.True(app.Select(i => problem.SiteOfPool[plan.Pool[i.Index]]).Distinct().Count() > 1, $"app {app.First().App.Name} stands in one site");
            var cap = (app.Count() + problem.SitesOfApp[app.Key] - 1) / problem.SitesOfApp[app.Key];
            Assert.All(app.GroupBy(i => problem.SiteOfPool[plan.Pool[i.Index]]), site => Assert.True(site.Count() <= cap, $"app {app.First().App.Name} has {site.Count()} replicas in one site, more than {cap}"));
        }
    }
}
