using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Scenarios;

/// <summary>
/// How long things take to come back, and the other timing assumptions of faults, migrations and warm-up
/// (docs/simulation.md, "Scenario events and their blast radius" and "Time-dependent costs"). Every figure is
/// overridable per run through <c>SimulationOptions.Timings</c>.
/// </summary>
public sealed record FaultTimings
{
    public static FaultTimings Default { get; } = new();

    /// <summary>A VM reboots in about a minute (simulation.md).</summary>
    public long VmRestart { get; init; } = 60 * SimTime.TicksPerSecond;

    /// <summary>A container restarts in seconds (simulation.md: 5 s).</summary>
    public long ContainerRestart { get; init; } = 5 * SimTime.TicksPerSecond;

    /// <summary>A host (its OS, kernel or hypervisor) reboots: firmware, POST and boot (assumption: 5 minutes).</summary>
    public long HostReboot { get; init; } = 5 * SimTime.TicksPerMinute;

    /// <summary>
    /// Whether a paravirtual host's driver domain can restart on its own (Xen's disaggregated driver domains). False,
    /// the default: it is the host's control domain (dom0), and its crash reboots the host with every domain.
    /// True: every guest loses its I/O (is down) until the driver domain has restarted (<see cref="VmRestart"/>).
    /// </summary>
    public bool RestartableDriverDomain { get; init; }

    /// <summary>
    /// Binary translation's code-cache warm-up: just after a VM (re)starts or arrives by migration, its slowdown is
    /// multiplied by 1 + amplitude × exp(−t ÷ time constant). Assumption (no published figure found): 1, so a VM
    /// that has just started runs at twice its warm slowdown.
    /// </summary>
    public double CodeCacheWarmUpAmplitude { get; init; } = 1.0;

    /// <summary>The time constant of the code-cache warm-up (assumption: 60 s; after 3 minutes the extra is under 5 %).</summary>
    public long CodeCacheWarmUpTimeConstant { get; init; } = 60 * SimTime.TicksPerSecond;

    /// <summary>
    /// Pre-copy gives up iterating after this many rounds and stops and copies what is left (Xen's
    /// <c>xc_domain_save</c>: <c>DEF_MAX_ITERS 29</c>, "limit us to 30 times round loop").
    /// </summary>
    public int MigrationMaxRounds { get; init; } = 30;

    /// <summary>
    /// Pre-copy also gives up once it has sent this many times the VM's memory (Xen's <c>DEF_MAX_FACTOR 3</c>,
    /// "never send more than 3x" the guest's pages).
    /// </summary>
    public double MigrationMaxSentFactor { get; init; } = 3;

    /// <summary>
    /// The downtime pre-copy aims at: it stops iterating once what is left could be sent within this time
    /// (QEMU's default <c>downtime-limit</c> is 300 ms).
    /// </summary>
    public long MigrationDowntimeTarget { get; init; } = 300 * SimTime.TicksPerMillisecond;

    /// <summary>The fraction of a host's NIC a migration may use; the rest stays for the guests' own traffic (assumption: 0.8).</summary>
    public double MigrationLinkFraction { get; init; } = 0.8;

    /// <summary>After the stop-and-copy, the fixed cost of resuming on the target (device reattach, ARP; assumption: 20 ms).</summary>
    public long MigrationResume { get; init; } = 20 * SimTime.TicksPerMillisecond;
}
