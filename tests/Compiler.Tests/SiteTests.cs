using VirtLang.Compiler.Lowering;
using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>Sites in the language: binding, the checker's site rules (VDL1001, VDL1004, VDL1052, VDL4009) and lowering.</summary>
public sealed class SiteTests
{
    private const string Catalog = """
        os linux {
          family = linux
        }
        site east {
          location = "Frankfurt"
        }
        site west {}
        app web {
          replicas = 2
          rto      = 15m
          demand {
            cpu    = 1
            memory = 1GiB
          }
        }

        """;

    private static ModelCompilation Compile(string model)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = Catalog + model });
        provider.TryRead("m.vdl", out var text, out _);
        return ModelCompilation.Create([text!], provider);
    }

    /// <summary>Every diagnostic but the advice family's, as "line:column CODE message" with lines counted from the first after the catalog.</summary>
    private static string[] Check(string model) =>
        [.. Compile(model).Diagnostics.Where(d => d.Code[3] != '5').Select(d => $"{d.Location.Start.Line - 15}:{d.Location.Start.Column} {d.Code} {d.Message}")];

    private static string Host(string name, string? site, string runs = "web") =>
        $"host {name} {{\n{(site is null ? string.Empty : $"  site = {site}\n")}  os   = linux\n  runs = [{runs}]\n}}\n";

    [Fact]
    public void EveryReplicaInOneSiteWhileAnotherHasHostsIsVdl4009()
    {
        Assert.Equal(
            ["4:11 VDL4009 every replica of app `web` (2 places) is in site `east`, while the model has hosts in 2 sites: losing that site takes them all"],
            Check(Host("a", "east") + Host("b", "east") + Host("c", "west", "")));
    }

    [Fact]
    public void ReplicasInTwoSitesAreFine() =>
        Assert.Empty(Check(Host("a", "east") + Host("b", "west")));

    /// <summary>Hosts without a site stand in one site together: a replica there and one in a named site are two sites.</summary>
    [Fact]
    public void TheUnsitedHostsAreOneSiteTogether()
    {
        Assert.Empty(Check(Host("a", "east") + Host("b", null)));
        Assert.Equal(
            ["3:11 VDL4009 every replica of app `web` (2 places) is in the hosts without a site, while the model has hosts in 2 sites: losing that site takes them all"],
            Check(Host("a", null) + Host("b", null) + Host("c", "east", "")));
    }

    [Fact]
    public void AllInOneSiteWithNowhereElseIsNotReported() =>
        Assert.Empty(Check(Host("a", "east") + Host("b", "east")));

    [Fact]
    public void AllOnOneHostIsVdl4006Only()
    {
        var model = "host a {\n  site = east\n  os = linux\n  hypervisor {\n    kind = os_level\n  }\n  container c1 {\n    runs = [web]\n  }\n  container c2 {\n    runs = [web]\n  }\n}\n" + Host("b", "west", "");
        Assert.Equal(["VDL4006"], Check(model).Select(d => d.Split(' ')[1]));
    }

    [Fact]
    public void UnknownAndWrongKindSitesAreReportedLikeEveryReference()
    {
        var diagnostics = Check(Host("a", "eats") + Host("b", "web") + "scenario s {\n  duration = 1d\n  at 1h fail site wset for 1h\n  at 2h fail site a for 1h\n}\n");
        Assert.Equal(
            [
                "2:10 VDL1001 `eats` is not declared in this model (did you mean `east`?)",
                "7:10 VDL1004 `web` is an `app`, but `site` needs a `site`",
                "13:19 VDL1001 `wset` is not declared in this model (did you mean `west`?)",
                "14:19 VDL1004 `a` is a `host`, but `fail site` needs a `site`",
            ],
            diagnostics);
    }

    [Fact]
    public void FailingASiteWithoutHostsIsVdl1052()
    {
        var diagnostics = Check(Host("a", "east") + Host("b", "east", "") + "scenario s {\n  duration = 1d\n  at 1h fail site west for 1h\n  at 2h fail site east for 1h\n}\n");
        Assert.Equal(["13:19 VDL1052 `fail site west` takes nothing down: no host names `site = west`"], diagnostics.Where(d => !d.Contains("VDL4", StringComparison.Ordinal)));
    }

    [Fact]
    public void ADurationOfZeroForASiteSaysTheSiteIsNeverRepairedWithoutFor() =>
        Assert.Contains(Check(Host("a", "east") + Host("b", "west") + "scenario s {\n  duration = 1d\n  at 1h fail site east for 0s\n}\n"),
            d => d.Contains("VDL1032", StringComparison.Ordinal) && d.Contains("without `for` the site is never repaired", StringComparison.Ordinal));

    [Fact]
    public void LoweringCarriesSitesRtoAndSiteFailures()
    {
        var compilation = Compile("host a {\n  site = east\n  count = 2\n  os = linux\n  runs = [web]\n}\n" + Host("b", "west") + Host("c", null, "")
            + "scenario s {\n  duration = 1d\n  at 1h fail site east for 2h\n  at 5h..6h fail site west\n  at 7h fail c\n}\n");
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);

        Assert.Equal([("east", "Frankfurt"), ("west", null)], lowered.Topology.Sites.Select(s => (s.Name, s.Location)));
        Assert.Equal([("a-1", "east"), ("a-2", "east"), ("b", "west"), ("c", null)], lowered.Topology.Hosts.Select(h => (h.Name, h.Site)));
        Assert.Equal(15 * SimTime.TicksPerMinute, lowered.Topology.Applications().Single().RecoveryTimeObjective);
        Assert.Equal(
            [
                new FailSiteEvent(SimTime.TicksPerHour, "east", 2 * SimTime.TicksPerHour) { Origin = "m.vdl(33,3)" },
                new FailSiteEvent(5 * SimTime.TicksPerHour, "west", SimTime.TicksPerHour) { Origin = "m.vdl(34,3)" },
                new ScenarioEvent[] { new FailEvent(7 * SimTime.TicksPerHour, "c", null) { Origin = "m.vdl(35,3)" } }[0],
            ],
            lowered.Scenarios[0].Events);

        // The semantic model knows each site's hosts (a counted host once), for the editor and the rules.
        Assert.Equal(["a"], compilation.SemanticModel.Sites[0].Hosts.Select(h => h.Name));
    }
}
