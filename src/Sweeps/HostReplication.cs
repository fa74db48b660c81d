namespace VirtLang.Sweeps;

/// <summary>What one host did in one replication: what a sweep aggregates of its <c>HostResult</c>.</summary>
/// <param name="MeanUtilization">Mean CPU utilization over the run's steps.</param>
/// <param name="P95Utilization">The utilization 95 % of the steps stay at or below (the run's histogram, to 0.1 %).</param>
/// <param name="DowntimeMinutes">Minutes the host was down.</param>
public sealed record HostReplication(string Name, double MeanUtilization, double P95Utilization, double DowntimeMinutes);
