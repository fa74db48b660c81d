using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// Sites and disaster recovery (issue 13, item 4): load shift within a site is immediate, to another site only after
/// the application's recovery time objective; a whole site fails at once; fail-back is immediate.
/// </summary>
public class SiteFailoverTests
{
    private static readonly long Rto15 = Minutes(15);

    /// <summary>One replica of <c>web</c> (1 core, in a 2-vCPU VM) on each of <paramref name="hosts"/>, each host in the site given.</summary>
    private static Topology Estate(long rto, params (string Host, string? Site)[] hosts)
    {
        var web = new ApplicationSpec { Name = "web", Cpu = 1, Profile = new Profiles.ConstantProfile(1), RecoveryTimeObjective = rto };
        return new Topology
        {
            Sites = [.. hosts.Select(h => h.Site).OfType<string>().Distinct().Select(s => new SiteSpec(s, $"city {s}"))],
            Hosts = [.. hosts.Select(h => WithSite(Host(h.Host, 8, Free(HypervisorKind.BareMetal), [Vm($"{h.Host}-web", 2, web)]), h.Site))],
        };
    }

    private static HostSpec WithSite(HostSpec host, string? site) => new()
    {
        Name = host.Name, Cpu = host.Cpu, MemoryBytes = host.MemoryBytes, Hypervisor = host.Hypervisor, Guests = host.Guests,
        Nics = host.Nics, Power = host.Power, Site = site,
    };

    /// <summary>The case: two sites, one replica each, site a down 2 h from 8 h, rto 15 minutes.</summary>
    [Fact]
    public void A_failed_sites_demand_is_unserved_for_the_rto_then_served_by_the_other_site()
    {
        var result = Simulator.Run(Estate(Rto15, ("h1", "a"), ("h2", "b")), Day(new FailSiteEvent(Hours(8), "a", Hours(2))));
        var web = Assert.Single(result.Applications);

        // 48 core-hours asked; a's core is unserved for exactly the 15 minutes of the failover, then served in b.
        Assert.Equal(48, web.DemandCoreHours, 9);
        Assert.Equal(48 - 0.25, web.DeliveredCoreHours, 9);
        Assert.Equal(2 - 0.25, web.ShiftedDemandCoreHours, 9);
        Assert.Equal(1, web.Availability, 9);

        var failover = Assert.Single(result.Failovers);
        Assert.Equal(("web", "a", 480.0, (double?)495, (double?)600, 15.0),
            (failover.Application, failover.FromSite, failover.LostAtMinute, failover.FailoverAtMinute, failover.BackAtMinute, failover.WaitMinutes));
        Assert.Equal(["b"], failover.ToSites);

        var survivor = result.Hosts.Single(h => h.Name == "h2").Series;
        Assert.Equal(1.0 / 8, survivor[494], 6);
        Assert.Equal(2.0 / 8, survivor[495], 6);
        Assert.Equal(2.0 / 8, survivor[599], 6);
        Assert.Equal(1.0 / 8, survivor[600], 6);

        Assert.Equal(
            [(480.0, "site-fail", "a"), (495.0, "failover", "web"), (600.0, "site-repair", "a"), (600.0, "failback", "web")],
            result.Events.Select(e => (Kernel.SimTime.ToMinutes(e.Time), e.Kind, e.Subject)));
        Assert.Contains("from site a to b after 15m (its rto)", result.Events[1].Detail, StringComparison.Ordinal);
        Assert.Equal([new SiteResult("a", "city a", ["h1"]), new SiteResult("b", "city b", ["h2"])], result.Sites.Select(s => s with { Hosts = [.. s.Hosts] }), new SiteComparer());
    }

    [Fact]
    public void Within_a_site_the_shift_is_immediate_and_stays_in_the_site()
    {
        var result = Simulator.Run(Estate(Rto15, ("h1", "a"), ("h2", "a"), ("h3", "b")), Day(new FailEvent(Hours(8), "h1", Hours(4))));
        var web = Assert.Single(result.Applications);
        Assert.Equal(1, web.DemandSatisfied, 9);
        Assert.Equal(4, web.ShiftedDemandCoreHours, 9);
        Assert.Empty(result.Failovers);
        Assert.Equal(2.0 / 8, result.Hosts.Single(h => h.Name == "h2").Series[480], 6);
        Assert.Equal(1.0 / 8, result.Hosts.Single(h => h.Name == "h3").Series[480], 6);
    }

    [Fact]
    public void Without_an_rto_failing_over_is_immediate()
    {
        var result = Simulator.Run(Estate(0, ("h1", "a"), ("h2", "b")), Day(new FailSiteEvent(Hours(8), "a", Hours(2))));
        Assert.Equal(1, Assert.Single(result.Applications).DemandSatisfied, 9);
        Assert.Equal(0, Assert.Single(result.Failovers).WaitMinutes);
    }

    /// <summary>The hosts without a site are one site together: a shift from them to a named site waits for the rto.</summary>
    [Fact]
    public void Hosts_without_a_site_are_one_site_of_their_own()
    {
        var result = Simulator.Run(Estate(Rto15, ("h1", null), ("h2", "b")), Day(new FailEvent(Hours(8), "h1", Hours(2))));
        Assert.Equal(48 - 0.25, Assert.Single(result.Applications).DeliveredCoreHours, 9);
        var failover = Assert.Single(result.Failovers);
        Assert.Null(failover.FromSite);
        Assert.Equal(["b"], failover.ToSites);
        Assert.Equal(15, failover.WaitMinutes);
        Assert.Equal("b", Assert.Single(result.Sites).Name);

        // And back: from b to the unsited hosts, which the results name null as well.
        var reverse = Assert.Single(Simulator.Run(Estate(Rto15, ("h1", null), ("h2", "b")), Day(new FailSiteEvent(Hours(8), "b", Hours(2)))).Failovers);
        Assert.Equal("b", reverse.FromSite);
        Assert.Equal([null], reverse.ToSites);
    }

    [Fact]
    public void A_site_back_before_its_rto_never_fails_over()
    {
        var result = Simulator.Run(Estate(Rto15, ("h1", "a"), ("h2", "b")), Day(new FailSiteEvent(Hours(8), "a", Minutes(10))));
        Assert.Equal(48 - (10.0 / 60), Assert.Single(result.Applications).DeliveredCoreHours, 9);
        var failover = Assert.Single(result.Failovers);
        Assert.Null(failover.FailoverAtMinute);
        Assert.Equal(490, failover.BackAtMinute);
        Assert.Equal(10, failover.WaitMinutes);
        Assert.DoesNotContain(result.Events, e => e.Kind is "failover" or "failback");
    }

    /// <summary>Every host of the site goes down, whatever else it runs; a site failure without repair lasts to the end.</summary>
    [Fact]
    public void A_site_failure_takes_every_host_of_the_site()
    {
        var result = Simulator.Run(Estate(Rto15, ("h1", "a"), ("h2", "a"), ("h3", "b")), Day(new FailSiteEvent(Hours(20), "a")));
        Assert.Equal(240, result.Hosts.Single(h => h.Name == "h1").DowntimeMinutes, 9);
        Assert.Equal(240, result.Hosts.Single(h => h.Name == "h2").DowntimeMinutes, 9);
        Assert.Equal(0, result.Hosts.Single(h => h.Name == "h3").DowntimeMinutes, 9);
        Assert.Contains("2 hosts down (h1, h2)", result.Events[0].Detail, StringComparison.Ordinal);

        // Two instances' demand waits 15 minutes, then the one in b serves all three (a 2-vCPU VM: two of them).
        var failover = Assert.Single(result.Failovers);
        Assert.Null(failover.BackAtMinute);
        Assert.Equal(15, failover.WaitMinutes);
    }

    /// <summary>Sites change nothing for an application that lives in one: the run is the same, fingerprint included.</summary>
    [Fact]
    public void One_site_for_everything_runs_as_without_sites()
    {
        var scenario = Day(new FailEvent(Hours(8), "h1", Hours(4)), new CrashEvent(Hours(13), "h2-web"));
        var without = Simulator.Run(Estate(Rto15, ("h1", null), ("h2", null)), scenario);
        var oneSite = Simulator.Run(Estate(Rto15, ("h1", "a"), ("h2", "a")), scenario);
        Assert.Equal(without.Fingerprint, oneSite.Fingerprint);
        Assert.Equal(without.Applications, oneSite.Applications, new ApplicationComparer());
        Assert.Empty(without.Sites);
        Assert.DoesNotContain("\"sites\"", ResultJsonWriter.ToJson(without), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(ResultJsonWriter.ToJson(oneSite));
        Assert.Equal(0, json.RootElement.GetProperty("failovers").GetArrayLength());
        Assert.Equal("h1", json.RootElement.GetProperty("sites")[0].GetProperty("hosts")[0].GetString());
    }

    /// <summary>The log alone gives every host's and application's downtime, site failures overlapping host failures included.</summary>
    [Fact]
    public void The_event_log_replays_to_the_tables()
    {
        var topology = Estate(Rto15, ("h1", "a"), ("h2", "a"), ("h3", "b"), ("h4", null));
        var result = Simulator.Run(topology, Day(
            new FailEvent(Hours(7), "h1", Hours(2)),
            new FailSiteEvent(Hours(8), "a", Hours(2)),
            new FailSiteEvent(Hours(9), "a", Hours(3)),
            new FailEvent(Hours(11), "h3", Hours(1)),
            new FailEvent(Hours(11), "h4", Hours(2)),
            new CrashEvent(Hours(13), "h2-web")));
        Assert.Contains(result.Events, e => e.Kind == "site-repair" && e.Detail.StartsWith("repaired, but 2 of 2", StringComparison.Ordinal));
        Assert.Equal(60, result.Applications.Single().DowntimeMinutes, 9); // 11h to 12h: a down, h3 and h4 failed
        VirtLang.Tests.Shared.EventLogReplay.AssertConsistent(topology, result, "sites");
    }

    [Fact]
    public void An_unknown_site_is_refused_before_the_run()
    {
        var refused = Assert.Throws<SimulationSetupException>(() =>
            Simulator.Run(Estate(Rto15, ("h1", "a"), ("h2", "b")), Day(new FailSiteEvent(Hours(8), "c", Hours(1)), new FailSiteEvent(Hours(8), "a", 0))));
        Assert.Contains("no site is named 'c'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("a repair time must be positive", refused.Message, StringComparison.Ordinal);
    }

    private sealed class SiteComparer : IEqualityComparer<SiteResult>
    {
        public bool Equals(SiteResult? x, SiteResult? y) => x!.Name == y!.Name && x.Location == y.Location && x.Hosts.SequenceEqual(y.Hosts);

        public int GetHashCode(SiteResult obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class ApplicationComparer : IEqualityComparer<ApplicationResult>
    {
        public bool Equals(ApplicationResult? x, ApplicationResult? y) =>
            x!.Name == y!.Name && x.DeliveredCoreHours == y.DeliveredCoreHours && x.ShiftedDemandCoreHours == y.ShiftedDemandCoreHours
            && x.DowntimeMinutes == y.DowntimeMinutes && x.MeanSlowdown == y.MeanSlowdown;

        public int GetHashCode(ApplicationResult obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>An HA cluster stretched over two sites restarts a failed site's VMs in the other (HA and sites together).</summary>
    [Fact]
    public void A_stretched_ha_cluster_restarts_a_failed_sites_vms_in_the_other_site()
    {
        var db = App("db", 1);
        var hosts = new[]
        {
            WithSite(Host("h1", 8, Free(HypervisorKind.BareMetal), [Vm("db-1", 2, db)]), "a"),
            WithSite(Host("h2", 8, Free(HypervisorKind.BareMetal)), "b"),
        };
        var topology = new Topology
        {
            Sites = [new SiteSpec("a", null), new SiteSpec("b", null)],
            Hosts = hosts,
            Clusters = [new ClusterSpec { Name = "stretched", Hosts = hosts, Ha = true }],
        };
        var result = Simulator.Run(topology, Day(new FailSiteEvent(Hours(8), "a", Hours(2))));

        var restart = Assert.Single(result.Events, e => e.Kind == "ha-restart");
        Assert.Equal("db-1", restart.Subject);
        Assert.StartsWith("from h1 to h2 ", restart.Detail, StringComparison.Ordinal);
        var expected = Kernel.SimTime.ToMinutes(ClusterSpec.DefaultRestartDelay + FaultTimings.Default.VmRestart);
        Assert.Equal(expected, Assert.Single(result.Applications).DowntimeMinutes, 6);
        Assert.Equal(1, result.Hosts.Single(h => h.Name == "h2").Guests);
    }

    /// <summary>The run's HTML report has a Sites section (hosts and their downtime) and a row per failover, only when the model has sites.</summary>
    [Fact]
    public void The_html_report_shows_the_sites_and_each_failover()
    {
        var result = Simulator.Run(Estate(Rto15, ("h1", "a"), ("h2", "b")), Day(new FailSiteEvent(Hours(8), "a", Hours(2))));
        var html = Reports.HtmlReport.Render(result, "m.vdl");
        Assert.Contains("<section id=\"sites\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>a</td><td>city a</td><td>h1</td><td>120 host-min</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>b</td><td>city b</td><td>h2</td><td>0 host-min</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>web</td><td>a</td><td>b</td><td>8h</td><td>8h15m</td><td>10h</td><td>15 min</td></tr>", html, StringComparison.Ordinal);

        var withoutSites = Simulator.Run(Estate(Rto15, ("h1", null), ("h2", null)), Day());
        Assert.DoesNotContain("id=\"sites\"", Reports.HtmlReport.Render(withoutSites, "m.vdl"), StringComparison.Ordinal);
    }
}
