namespace VirtLang.Runtime.Engine;

/// <summary>
/// One loss of an application's last instance in a site, while it has instances in another: from the loss to the
/// failover (its recovery time objective later) and to its first instance back in the site (fail-back).
/// </summary>
internal sealed class FailoverEpisode(ApplicationState application, int site, long lostAt)
{
    public ApplicationState Application { get; } = application;

    /// <summary>The site that lost its last instance (0: the hosts without a site).</summary>
    public int Site { get; } = site;

    public long LostAt { get; } = lostAt;

    /// <summary>When its demand started going to other sites; -1 until then.</summary>
    public long FailedOverAt { get; set; } = -1;

    /// <summary>When an instance was up in the site again; -1 until then.</summary>
    public long BackAt { get; set; } = -1;

    /// <summary>The sites (indexes; 0: the hosts without a site) that had an instance up when it failed over.</summary>
    public IReadOnlyList<int> ToSites { get; set; } = [];

    public Kernel.EventHandle Pending { get; set; }

    public bool FailedOver => FailedOverAt >= 0;
}
