namespace VirtLang.Sweeps;

/// <summary>One host over every replication of a sweep.</summary>
/// <param name="MeanUtilization">The mean over replications of its mean CPU utilization.</param>
/// <param name="P95Utilization">The mean over replications of its 95th-percentile utilization.</param>
/// <param name="MaxP95Utilization">The highest 95th-percentile utilization of any replication.</param>
/// <param name="DowntimeMinutes">The mean over replications of its downtime.</param>
public sealed record HostSweep(string Name, double MeanUtilization, double P95Utilization, double MaxP95Utilization, double DowntimeMinutes);
