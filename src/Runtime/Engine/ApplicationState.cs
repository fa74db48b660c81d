using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>An application during a run: its scale, how many instances are up, its outages and its totals.</summary>
internal sealed class ApplicationState(ApplicationSpec spec, int index)
{
    public ApplicationSpec Spec { get; } = spec;

    public int Index { get; } = index;

    // A profile that ignores the seed gives all of the application's instances one demand per step: computed once.
    private readonly bool _demandShared = !spec.Profile.DependsOnSeed;
    private long _sharedDemandAt = -1;
    private double _sharedDemand;
    private double _scale = 1;

    public double Scale
    {
        get => _scale;
        set
        {
            _scale = value;
            _sharedDemandAt = -1;
        }
    }

    public int Instances { get; set; }

    public int UpInstances { get; set; }

    /// <summary>Its instances, in placement order (host, then guest): the ones load shift spreads demand over.</summary>
    public List<InstanceState> PlacedInstances { get; } = [];

    /// <summary>Its instances by site and the failovers under way; null when the topology has no sites.</summary>
    public ApplicationSites? Sites { get; set; }

    public long DownSince { get; set; } = -1;

    public long DowntimeTicks { get; set; }

    public List<(long From, long To)> Outages { get; } = [];

    /// <summary>Ticks its instances were paused by live migrations, summed over instances.</summary>
    public long MigrationDowntimeTicks { get; set; }

    public double Demand { get; set; }

    public double Delivered { get; set; }

    /// <summary>Core-hours of its down instances' demand that load shift gave its up instances to serve.</summary>
    public double ShiftedDemand { get; set; }

    /// <summary>Sum of slowdown × demand served over up instances and steps (shifted load included), and that demand: their ratio is the mean slowdown.</summary>
    public double SlowdownWeighted { get; set; }

    public double SlowdownWeight { get; set; }

    /// <summary>
    /// An instance's demand at <paramref name="now"/> before its noise: <c>cpu × profile(t) × scale</c>, in that order
    /// (the same bits whether or not it was computed for a sibling first).
    /// </summary>
    public double DemandBeforeNoise(long now, ulong seed)
    {
        if (!_demandShared)
        {
            return Spec.Cpu * Spec.Profile.Level(now, seed) * _scale;
        }

        if (_sharedDemandAt != now)
        {
            _sharedDemand = Spec.Cpu * Spec.Profile.Level(now, seed) * _scale;
            _sharedDemandAt = now;
        }

        return _sharedDemand;
    }

    public void InstanceDown(long now)
    {
        UpInstances--;
        if (UpInstances == 0 && Instances > 0)
        {
            DownSince = now;
        }
    }

    public void InstanceUp(long now)
    {
        if (UpInstances == 0 && DownSince >= 0)
        {
            CloseOutage(now);
        }

        UpInstances++;
    }

    public void CloseOutage(long now)
    {
        if (DownSince >= 0 && now > DownSince)
        {
            DowntimeTicks += now - DownSince;
            Outages.Add((DownSince, now));
        }

        DownSince = -1;
    }
}
