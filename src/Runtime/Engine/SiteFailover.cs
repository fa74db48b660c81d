using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// Sites and disaster recovery during a run. Each host belongs to a site (index 0: the hosts that name none, together);
/// whenever instances go up or down, the applications touched are settled once the instant's events are over: an
/// application that has just lost its last instance in a site, while it has instances in another, starts a failover
/// that completes its recovery time objective later (<c>failover</c>); one that has an instance back in such a site
/// fails back at once (<c>failback</c>). <see cref="LoadShift"/> reads which sites have failed over.
/// </summary>
internal sealed class SiteFailover : IEventTarget
{
    /// <summary>Apart from the scenario's and live migrations' kinds, so a failover is its own entry in the fingerprint.</summary>
    private const int FingerprintKind = 32;
    private const int SettleKind = 0;

    private readonly SimulationRun _run;
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly List<ApplicationState> _dirty = [];
    private bool _settleScheduled;

    public SiteFailover(SimulationRun run, Topology topology)
    {
        _run = run;
        Names.Add(string.Empty);
        Locations.Add(null);
        HostsBySite.Add([]);
        foreach (var site in topology.Sites)
        {
            Add(site.Name, site.Location);
        }

        foreach (var host in topology.Hosts)
        {
            if (host.Site is { } name)
            {
                Add(name, null);
            }
        }

        foreach (var host in run.Hosts)
        {
            host.SiteIndex = host.Spec.Site is { } name ? _indexByName[name] : 0;
            HostsBySite[host.SiteIndex].Add(host);
        }
    }

    /// <summary>Site names by index; index 0 is the hosts without a site ("").</summary>
    public List<string> Names { get; } = [];

    public List<string?> Locations { get; } = [];

    public List<List<HostState>> HostsBySite { get; } = [];

    /// <summary>Every loss of a site's last instance of an application that had instances elsewhere, in order.</summary>
    public List<FailoverEpisode> Episodes { get; } = [];

    public int Count => Names.Count;

    /// <summary>The index of the site named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => name.Length > 0 && _indexByName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>"site `a`", or "the hosts without a site".</summary>
    public string Display(int site) => site == 0 ? "the hosts without a site" : $"site {Names[site]}";

    /// <summary>An instance of <paramref name="application"/> went up or down: settle it once this instant's events are over.</summary>
    public void Touch(ApplicationState application)
    {
        var sites = application.Sites!;
        if (sites.Dirty)
        {
            return;
        }

        sites.Dirty = true;
        _dirty.Add(application);
        if (!_settleScheduled)
        {
            // Delay 0 at the scenario's priority: after every event already due now, before the step samples.
            _settleScheduled = true;
            _run.Kernel.Schedule(0, this, SettleKind, SimulationRun.ScenarioPriority);
        }
    }

    public void Handle(int kind)
    {
        if (kind == SettleKind)
        {
            Settle();
        }
        else
        {
            FailOver(Episodes[kind - 1]);
        }
    }

    private void Add(string name, string? location)
    {
        if (_indexByName.TryAdd(name, Names.Count))
        {
            Names.Add(name);
            Locations.Add(location);
            HostsBySite.Add([]);
        }
        else if (location is not null && Locations[_indexByName[name]] is null)
        {
            Locations[_indexByName[name]] = location;
        }
    }

    private void Settle()
    {
        _settleScheduled = false;
        var now = _run.Kernel.Now;
        foreach (var application in _dirty)
        {
            var sites = application.Sites!;
            sites.Dirty = false;
            Array.Clear(sites.Placed);
            Array.Clear(sites.Up);
            foreach (var instance in application.PlacedInstances)
            {
                var slot = sites.Slot(instance.Guest.Host.SiteIndex);
                sites.Placed[slot]++;
                if (instance.IsUp)
                {
                    sites.Up[slot]++;
                }
            }

            for (var slot = 0; slot < sites.Count; slot++)
            {
                var site = sites.Sites[slot];
                var open = sites.Open[slot];
                if (open is null && sites.Placed[slot] > 0 && sites.Up[slot] == 0 && sites.Placed[slot] < application.Instances)
                {
                    var episode = new FailoverEpisode(application, site, now);
                    Episodes.Add(episode);
                    sites.Open[slot] = episode;
                    episode.Pending = _run.Kernel.Schedule(application.Spec.RecoveryTimeObjective, this, Episodes.Count, SimulationRun.ScenarioPriority);
                }
                else if (open is not null && (sites.Up[slot] > 0 || sites.Placed[slot] == 0))
                {
                    // Back in its site: the demand stays there at once (fail-back needs no recovery time).
                    open.BackAt = now;
                    sites.Open[slot] = null;
                    if (open.FailedOver)
                    {
                        _run.Record("failback", application.Spec.Name, $"{Display(site)} has an instance up again: its demand there is served there again");
                    }
                    else
                    {
                        _run.Kernel.Cancel(open.Pending);
                    }
                }
            }
        }

        _dirty.Clear();
    }

    private void FailOver(FailoverEpisode episode)
    {
        var now = _run.Kernel.Now;
        _run.Fingerprint.Add(now, FingerprintKind, episode.Application.Index);
        episode.FailedOverAt = now;
        // Counted now, not at the last settling: an event of this same instant may not have been settled yet.
        var up = new SortedSet<int>();
        foreach (var instance in episode.Application.PlacedInstances)
        {
            if (instance.IsUp && instance.Guest.Host.SiteIndex != episode.Site)
            {
                up.Add(instance.Guest.Host.SiteIndex);
            }
        }

        episode.ToSites = [.. up];
        var to = string.Join(", ", up.Select(site => site == 0 ? "the hosts without a site" : Names[site]));
        var after = $"after {SimTime.Format(now - episode.LostAt)} (its rto)";
        _run.Record("failover", episode.Application.Spec.Name, up.Count > 0
            ? $"from {Display(episode.Site)} to {to} {after}: the demand of its instances in {Display(episode.Site)} is served in {to} now"
            : $"from {Display(episode.Site)} {after}: no instance is up in another site; the demand of its instances in {Display(episode.Site)} goes to the first that comes up");
    }
}
