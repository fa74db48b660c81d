namespace VirtLang.Runtime.Results;

/// <summary>What one application got over a run: demand served, how much slower it ran, and when it was down.</summary>
public sealed record ApplicationResult
{
    public required string Name { get; init; }

    public int Replicas { get; init; }

    /// <summary>Instances placed in the topology (one per guest or host that runs it).</summary>
    public int Instances { get; init; }

    public double DemandCoreHours { get; init; }

    public double DeliveredCoreHours { get; init; }

    /// <summary>Delivered over demanded (1 when nothing was asked).</summary>
    public double DemandSatisfied { get; init; }

    /// <summary>How much longer its work took than on bare hardware (virtualization × contention × swapping), weighted by demand.</summary>
    public double MeanSlowdown { get; init; }

    /// <summary>The fraction of the run with at least one instance up.</summary>
    public double Availability { get; init; }

    public double DowntimeMinutes { get; init; }

    /// <summary>The spans (in minutes from the start) with no instance up.</summary>
    public IReadOnlyList<(double From, double To)> Outages { get; init; } = [];

    /// <summary>
    /// Milliseconds its instances spent paused by live migrations (stop-and-copy and resume), summed over instances.
    /// Added with pre-copy migration; such a pause counts in the outages only when no other instance was up.
    /// </summary>
    public double MigrationDowntimeMs { get; init; }

    /// <summary>
    /// Core-hours of its down instances' demand that load shift moved to its up instances; what of it was served is
    /// part of <see cref="DeliveredCoreHours"/>. 0 when no instance was down while another was up.
    /// </summary>
    public double ShiftedDemandCoreHours { get; init; }
}
