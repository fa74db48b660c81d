namespace VirtLang.Sweeps;

/// <summary>One named site over every replication of a sweep (docs/sweeps.md, "Sites").</summary>
/// <param name="HostDowntimeMinutes">The summed downtime of its hosts per replication: mean and percentiles (within 0.4 %).</param>
/// <param name="FailoversMean">The mean number of failovers out of the site per replication.</param>
/// <param name="FailoversMax">The most failovers out of the site in one replication.</param>
/// <param name="FailoverWaitMinutes">The summed failover waits per replication: mean and percentiles (within 0.4 %).</param>
public sealed record SiteSweep(string Name, Percentiles HostDowntimeMinutes, double FailoversMean, long FailoversMax, Percentiles FailoverWaitMinutes);
