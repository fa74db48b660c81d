namespace VirtLang.Runtime.Model;

/// <summary>
/// A model's own figures for a hypervisor (<c>overhead { cpu = 1.03  io = 1.6  memory_per_guest = 64MiB }</c>); each
/// one given replaces the calibrated default of <see cref="Costs.VirtualizationCostModel"/>.
/// </summary>
public sealed record CostOverrides
{
    /// <summary>Host CPU per unit of guest CPU demand, for every I/O class.</summary>
    public double? Cpu { get; init; }

    /// <summary>The slowdown of the virtual devices (1 = native), weighted by each application's I/O class.</summary>
    public double? Io { get; init; }

    public long? MemoryPerGuestBytes { get; init; }

    public long? ReservedMemoryBytes { get; init; }

    public long? CodeCacheBytes { get; init; }
}
