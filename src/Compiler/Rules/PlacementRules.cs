using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL4xxx: conflicting applications never share a userland; each gets the isolation it asks for; security zones
/// meet on a host only across a VM boundary; replicas exist, are spread as asked, and are not all behind one host.
/// </summary>
internal sealed class PlacementRules : IRuleFamily
{
    private static readonly string[] IsolationLevels = ["process", "container", "vm", "host"];

    public string Name => "placement";

    public void Check(RuleContext context)
    {
        // Placements come host by host, and within a host userland by userland: runs of one key are contiguous,
        // so they are walked as slices rather than grouped (a large model has a hundred thousand userlands).
        var placements = context.Placements;
        foreach (var userland in Runs(placements, p => p.Userland))
        {
            CheckConflicts(context, userland);
        }

        foreach (var onHost in Runs(placements, p => p.Host))
        {
            CheckIsolation(context, onHost);
            CheckZones(context, onHost[0].Host, onHost);
        }

        var byApp = ByApplication(placements);
        foreach (var app in context.Model.Applications)
        {
            CheckReplicas(context, app, byApp.GetValueOrDefault(app) ?? []);
        }
    }

    /// <summary>Each application's placements, in model order: counted, then filled into arrays of the exact size.</summary>
    private static Dictionary<ApplicationSymbol, Placement[]> ByApplication(IReadOnlyList<Placement> placements)
    {
        // Each placement's application is looked up once, as a number; the table is asked only when the application
        // changes from the previous placement's (hashing an object by reference was measured slow here).
        var numbers = new Dictionary<ApplicationSymbol, int>(ReferenceEqualityComparer.Instance);
        var counts = new List<int>();
        var numberOf = new int[placements.Count];
        ApplicationSymbol? last = null;
        var lastNumber = -1;
        for (var i = 0; i < placements.Count; i++)
        {
            var app = placements[i].App;
            if (!ReferenceEquals(app, last))
            {
                if (!numbers.TryGetValue(app, out lastNumber))
                {
                    numbers[app] = lastNumber = counts.Count;
                    counts.Add(0);
                }

                last = app;
            }

            numberOf[i] = lastNumber;
            counts[lastNumber]++;
        }

        var arrays = new Placement[counts.Count][];
        for (var n = 0; n < arrays.Length; n++)
        {
            arrays[n] = new Placement[counts[n]];
            counts[n] = 0;
        }

        for (var i = 0; i < placements.Count; i++)
        {
            arrays[numberOf[i]][counts[numberOf[i]]++] = placements[i];
        }

        var byApp = new Dictionary<ApplicationSymbol, Placement[]>(numbers.Count, ReferenceEqualityComparer.Instance);
        foreach (var (app, number) in numbers)
        {
            byApp[app] = arrays[number];
        }

        return byApp;
    }

    private static IEnumerable<ArraySegment<Placement>> Runs(IReadOnlyList<Placement> placements, Func<Placement, object> key)
    {
        var all = placements as Placement[] ?? [.. placements];
        var start = 0;
        for (var i = 1; i <= all.Length; i++)
        {
            if (i == all.Length || !ReferenceEquals(key(all[i]), key(all[start])))
            {
                yield return new ArraySegment<Placement>(all, start, i - start);
                start = i;
            }
        }
    }

    // Runs are taken as ArraySegments, not IReadOnlyLists: a hundred thousand of them, each boxed, and each walk of
    // one through the interface another enumerator.
    private static void CheckConflicts(RuleContext context, ArraySegment<Placement> apps)
    {
        for (var i = 0; i < apps.Count; i++)
        {
            for (var j = i + 1; j < apps.Count; j++)
            {
                var (a, b) = (apps[i].App, apps[j].App);
                var declared = a.Conflicts.Contains(b.Name) ? a : b.Conflicts.Contains(a.Name) ? b : null;
                if (declared is not null && !ReferenceEquals(a, b))
                {
                    context.Report(CompilerDiagnostics.Conflict, apps[j].Entry, [a.Name, b.Name, apps[i].Display],
                        new RelatedLocation(declared.Where("conflicts"), $"`{declared.Name}` declares the conflict"),
                        new RelatedLocation(apps[i].Entry, $"`{a.Name}` runs here too"));
                }
            }
        }
    }

    /// <summary>The weakest boundary between a placement and any other application on its host.</summary>
    private static (string Level, Placement? Nearest) Effective(Placement placement, ArraySegment<Placement> onHost)
    {
        var level = 3; // alone on its host: the host itself is the boundary
        Placement? nearest = null;
        foreach (var other in onHost)
        {
            if (ReferenceEquals(other, placement) || ReferenceEquals(other.App, placement.App))
            {
                continue;
            }

            var boundary = ReferenceEquals(other.Userland, placement.Userland) ? 0
                : placement.InVm || other.InVm ? 2
                : 1;
            if (boundary < level)
            {
                level = boundary;
                nearest = other;
            }
        }

        return (IsolationLevels[level], nearest);
    }

    private static void CheckIsolation(RuleContext context, ArraySegment<Placement> onHost)
    {
        foreach (var placement in onHost)
        {
            var required = Array.IndexOf(IsolationLevels, placement.App.Isolation);
            var (effective, nearest) = Effective(placement, onHost);
            if (required > Array.IndexOf(IsolationLevels, effective))
            {
                var why = nearest is null ? string.Empty
                    : effective == "process" ? $" (it shares the userland with `{nearest.App.Name}`)"
                    : effective == "container" ? $" (it shares the kernel of host `{placement.Host.Name}` with `{nearest.App.Name}` in {Short(nearest)})"
                    : $" (`{nearest.App.Name}` runs in {Short(nearest)} on the same host)";
                context.Report(CompilerDiagnostics.Isolation, placement.Entry, [placement.App.Name, placement.App.Isolation, placement.Display, effective, why],
                    new RelatedLocation(placement.App.Where("isolation"), $"the isolation `{placement.App.Name}` requires"));
            }
        }
    }

    private static void CheckZones(RuleContext context, HostSymbol host, ArraySegment<Placement> onHost)
    {
        HashSet<(string, string)>? reported = null; // made at the first zone pair: most hosts have none
        for (var i = 0; i < onHost.Count; i++)
        {
            for (var j = i + 1; j < onHost.Count; j++)
            {
                var (a, b) = (onHost[i], onHost[j]);
                if (a.App.Zone is not { } zoneA || b.App.Zone is not { } zoneB || zoneA == zoneB)
                {
                    continue;
                }

                // A VM boundary: the two are in different guests and at least one of those is a VM.
                var separated = !ReferenceEquals(a.Userland, b.Userland) && (a.InVm || b.InVm);
                var pair = string.CompareOrdinal(zoneA, zoneB) < 0 ? (zoneA, zoneB) : (zoneB, zoneA);
                if (!separated && (reported ??= []).Add(pair))
                {
                    var how = ReferenceEquals(a.Userland, b.Userland) ? $"both in {Short(a)}" : $"{Short(a)} and {Short(b)} share its kernel";
                    context.Report(CompilerDiagnostics.Zones, b.Entry, [a.App.Name, zoneA, b.App.Name, zoneB, host.Name, how],
                        new RelatedLocation(a.Entry, $"`{a.App.Name}` (zone `{zoneA}`) runs here"));
                }
            }
        }
    }

    /// <summary>"container `in`", or "the host's own OS" for an application straight on the host.</summary>
    private static string Short(Placement placement) => placement.Guest is { } guest ? $"{guest.Kind} `{guest.Name}`" : "the host's own OS";

    private static void CheckReplicas(RuleContext context, ApplicationSymbol app, IReadOnlyList<Placement> placements)
    {
        var placed = placements.Sum(p => p.Copies);
        // Only for an application the model deploys: a shared catalog declares what an application needs wherever it
        // runs, and a model that imports the catalog without running it is not short of replicas (it is VDL5004's unused).
        if (placed > 0 && placed < app.Replicas && app.View.Find("replicas") is not null)
        {
            context.Report(CompilerDiagnostics.Replicas, app.Where("replicas"), [app.Name, Amounts.Count(app.Replicas, "replica"), Amounts.Count(placed, "place")],
                [.. placements.Select(p => new RelatedLocation(p.Entry, $"in {p.Display}"))]);
        }

        // Copies of a counted host are different machines; copies of a counted guest share its host.
        // Grouped only when a rule below reads the groups: most applications ask for no spread and one replica.
        List<(HostSymbol Host, List<Placement> Places, long Count)> PerHost() =>
            [.. placements.Where(p => p.Host.Copies == 1).GroupBy(p => p.Host).Select(g => (Host: g.Key, Places: g.ToList(), Count: g.Sum(p => p.Copies)))];
        if (app.Spread == "host")
        {
            foreach (var (host, places, count) in PerHost().Where(h => h.Count > 1))
            {
                var names = Amounts.Names(places.Select(p => p.Guest is { Copies: > 1 } g ? $"{g.Name}-1 .. {g.Name}-{g.Copies}" : p.Place.Name));
                context.Report(CompilerDiagnostics.Spread, places[^1].Entry, [app.Name, host.Name, count, names],
                    new RelatedLocation(app.Where("spread"), $"`{app.Name}` asks for one replica per host"));
            }
        }
        else if (app.Replicas > 1 && placed > 1 && PerHost() is { Count: 1 } perHost && placements.All(p => p.Host.Copies == 1))
        {
            var (host, places, _) = perHost[0];
            context.Report(CompilerDiagnostics.SinglePointOfFailure, places[0].Entry, [app.Name, placed, host.Name],
                [.. places.Skip(1).Select(p => new RelatedLocation(p.Entry, $"in {p.Display}"))]);
            return; // one host is one site too: VDL4006 says it more precisely
        }

        CheckSites(context, app, placements, placed);
    }

    /// <summary>
    /// VDL4009: every replica in one site while the model has hosts in another (hosts without a site count as one
    /// site together): a site failure takes them all, and there is somewhere else to put one.
    /// </summary>
    private static void CheckSites(RuleContext context, ApplicationSymbol app, IReadOnlyList<Placement> placements, long placed)
    {
        if (app.Replicas < 2 || placed < 2 || context.Model.Sites.Count == 0)
        {
            return;
        }

        var site = placements[0].Host.Site;
        if (placements.Any(p => !ReferenceEquals(p.Host.Site, site)))
        {
            return;
        }

        var sitesWithHosts = context.Model.Hosts.Select(h => h.Site).Distinct().Count();
        if (sitesWithHosts < 2)
        {
            return;
        }

        var where = site is null ? "the hosts without a site" : $"site `{site.Name}`";
        var related = new List<RelatedLocation>();
        if (site is not null)
        {
            related.Add(new RelatedLocation(site.Declaration, $"site `{site.Name}` is declared here"));
        }

        related.AddRange(placements.Skip(1).Select(p => new RelatedLocation(p.Entry, $"in {p.Display}")));
        context.Report(CompilerDiagnostics.SingleSite, placements[0].Entry, [app.Name, Amounts.Count(placed, "place"), where, Amounts.Count(sitesWithHosts, "site")], [.. related]);
    }
}
