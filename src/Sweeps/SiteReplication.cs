namespace VirtLang.Sweeps;

/// <summary>What one named site did in one replication, from its run's <c>sites</c> and <c>failovers</c>.</summary>
/// <param name="HostDowntimeMinutes">The downtime of the site's hosts, summed (host-minutes: a host down an hour counts 60, two hosts 120).</param>
/// <param name="Failovers">Failovers out of the site: each loss of an application's last instance there while it ran in another site.</param>
/// <param name="FailoverWaitMinutes">Their wait minutes, summed: how long the site's applications' demand was unserved waiting for the failover.</param>
public sealed record SiteReplication(string Name, double HostDowntimeMinutes, int Failovers, double FailoverWaitMinutes);
