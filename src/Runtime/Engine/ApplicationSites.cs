namespace VirtLang.Runtime.Engine;

/// <summary>
/// An application's instances counted by site, and the failover under way for each site that has lost them all. Made
/// only when the topology has sites: without, load shift runs as it always did. Only the sites its instances stand in
/// have a slot (a migration to another site adds one), so the cost follows its instances, not the topology's sites.
/// </summary>
internal sealed class ApplicationSites
{
    private readonly Dictionary<int, int> _slotOfSite = [];

    /// <summary>The site (<see cref="SiteFailover.Names"/> index) of each slot, in the order first met.</summary>
    public List<int> Sites { get; } = [];

    /// <summary>Instances placed in each slot's site (a migration may move one), counted at the last settling or step.</summary>
    public int[] Placed { get; private set; } = new int[2];

    /// <summary>Instances up in each slot's site, counted as <see cref="Placed"/>.</summary>
    public int[] Up { get; private set; } = new int[2];

    /// <summary>Per slot, the loss being failed over or waiting for its recovery time objective; null when none.</summary>
    public FailoverEpisode?[] Open { get; private set; } = new FailoverEpisode?[2];

    /// <summary>Scratch of load shift: each slot's down instances' demand this step.</summary>
    public double[] DownDemand { get; private set; } = new double[2];

    /// <summary>Whether an instance went up or down since the last settling.</summary>
    public bool Dirty { get; set; }

    public int Count => Sites.Count;

    /// <summary>The slot of <paramref name="site"/>, made the first time the application has an instance there.</summary>
    public int Slot(int site)
    {
        if (_slotOfSite.TryGetValue(site, out var slot))
        {
            return slot;
        }

        slot = Sites.Count;
        _slotOfSite.Add(site, slot);
        Sites.Add(site);
        if (slot == Placed.Length)
        {
            var length = Placed.Length * 2;
            Placed = Grow(Placed, length);
            Up = Grow(Up, length);
            Open = Grow(Open, length);
            DownDemand = Grow(DownDemand, length);
        }

        return slot;
    }

    private static T[] Grow<T>(T[] array, int length)
    {
        var grown = new T[length];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}
