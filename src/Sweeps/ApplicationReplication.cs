namespace VirtLang.Sweeps;

/// <summary>What one application got in one replication: what a sweep aggregates of its <c>ApplicationResult</c>.</summary>
/// <param name="Availability">The fraction of the run with at least one instance up.</param>
/// <param name="Served">Delivered over demanded core-hours (1 when nothing was asked).</param>
/// <param name="DowntimeMinutes">Minutes with no instance up.</param>
/// <param name="MeanSlowdown">Demand-weighted slowdown against bare hardware.</param>
public sealed record ApplicationReplication(string Name, double Availability, double Served, double DowntimeMinutes, double MeanSlowdown);
