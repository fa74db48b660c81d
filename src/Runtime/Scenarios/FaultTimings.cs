using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Scenarios;

/// <summary>How long things take to come back, and the other timing assumptions of faults and migrations (docs/simulation.md).</summary>
public sealed record FaultTimings
{
    public static FaultTimings Default { get; } = new();

    /// <summary>A VM reboots in about a minute (simulation.md).</summary>
    public long VmRestart { get; init; } = 60 * SimTime.TicksPerSecond;

    /// <summary>A container restarts in seconds (simulation.md: 5 s).</summary>
    public long ContainerRestart { get; init; } = 5 * SimTime.TicksPerSecond;

    /// <summary>A host (its OS or hypervisor) reboots: firmware, POST and boot (assumption: 5 minutes).</summary>
    public long HostReboot { get; init; } = 5 * SimTime.TicksPerMinute;

    /// <summary>Pre-copy resends pages the guest dirties meanwhile: the transfer is memory × this factor (assumption: 1.3).</summary>
    public double DirtyPageFactor { get; init; } = 1.3;

    /// <summary>The stop-and-copy pause at the end of a live migration (assumption: 300 ms).</summary>
    public long MigrationStop { get; init; } = 300 * SimTime.TicksPerMillisecond;
}
