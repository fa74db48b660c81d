namespace VirtLang.Runtime.Engine;

/// <summary>
/// An application's instances counted by site, and the failover under way for each site that has lost them all. Made
/// only when the topology has sites: without, load shift runs as it always did.
/// </summary>
internal sealed class ApplicationSites(int sites)
{
    /// <summary>Instances placed in each site (a migration may move one), counted at the last settling or step.</summary>
    public int[] Placed { get; } = new int[sites];

    /// <summary>Instances up in each site, counted as <see cref="Placed"/>.</summary>
    public int[] Up { get; } = new int[sites];

    /// <summary>Per site, the loss being failed over or waiting for its recovery time objective; null when none.</summary>
    public FailoverEpisode?[] Open { get; } = new FailoverEpisode?[sites];

    /// <summary>Scratch of load shift: each site's down instances' demand this step.</summary>
    public double[] DownDemand { get; } = new double[sites];

    /// <summary>Whether an instance went up or down since the last settling.</summary>
    public bool Dirty { get; set; }
}
