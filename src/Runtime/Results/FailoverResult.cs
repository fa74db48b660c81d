namespace VirtLang.Runtime.Results;

/// <summary>
/// One loss of an application's last instance in a site while it ran in another: when it was lost, when it failed
/// over (its recovery time objective later; null when the site came back first or the run ended), and when the site
/// had an instance up again (null: not in the run). Times are minutes from the start.
/// </summary>
/// <param name="FromSite">The site; null for the hosts without a site.</param>
/// <param name="ToSites">The sites with an instance up when it failed over (null for the hosts without a site; empty when it did not fail over, or none was up).</param>
/// <param name="WaitMinutes">How long the site's demand was unserved waiting for the failover: from the loss to the failover, the site's return or the end, whichever came first.</param>
public sealed record FailoverResult(
    string Application,
    string? FromSite,
    IReadOnlyList<string?> ToSites,
    double LostAtMinute,
    double? FailoverAtMinute,
    double? BackAtMinute,
    double WaitMinutes);
