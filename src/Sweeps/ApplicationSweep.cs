namespace VirtLang.Sweeps;

/// <summary>One application over every replication of a sweep.</summary>
/// <param name="Availability">Mean availability with its Student-t 95 % interval (clamped to [0, 1]).</param>
/// <param name="AvailabilityStandardDeviation">The sample standard deviation of availability over replications.</param>
/// <param name="Served">Mean served fraction of demand with its Student-t 95 % interval (clamped to [0, 1]).</param>
/// <param name="DowntimeMinutes">Downtime per replication: mean and percentiles (within 0.4 %, see docs/sweeps.md).</param>
/// <param name="MeanSlowdown">The mean over replications of the application's demand-weighted slowdown.</param>
/// <param name="DowntimeHistogram">The distribution of downtime minutes over replications, for charts.</param>
public sealed record ApplicationSweep(
    string Name,
    Interval Availability,
    double AvailabilityStandardDeviation,
    double MinAvailability,
    Interval Served,
    Percentiles DowntimeMinutes,
    double MeanSlowdown,
    IReadOnlyList<HistogramBin> DowntimeHistogram);
