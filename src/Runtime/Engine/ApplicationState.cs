using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>An application during a run: its scale, how many instances are up, its outages and its totals.</summary>
internal sealed class ApplicationState(ApplicationSpec spec, int index)
{
    public ApplicationSpec Spec { get; } = spec;

    public int Index { get; } = index;

    public double Scale { get; set; } = 1;

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
