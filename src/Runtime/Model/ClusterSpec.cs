using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Model;

/// <summary>
/// A group of hosts with an overcommit policy and, with <see cref="Ha"/>, HA restart: when one of its hosts fails, its
/// guests restart on the others (docs/simulation.md, "HA restart"). Hosts in no cluster get
/// <see cref="DefaultCpuOvercommit"/> and <see cref="DefaultMemoryOvercommit"/> and no HA.
/// </summary>
public sealed class ClusterSpec
{
    public const double DefaultCpuOvercommit = 4.0;
    public const double DefaultMemoryOvercommit = 1.0;

    /// <summary>
    /// From a host's failure to the start of its guests' restarts: vSphere HA's primary declares a host that answers
    /// neither network nor datastore heartbeats dead after 15 s and restarts its VMs then.
    /// </summary>
    public const long DefaultRestartDelay = 15 * SimTime.TicksPerSecond;

    public required string Name { get; init; }

    public IReadOnlyList<HostSpec> Hosts { get; init; } = [];

    public double CpuOvercommit { get; init; } = DefaultCpuOvercommit;

    public double MemoryOvercommit { get; init; } = DefaultMemoryOvercommit;

    /// <summary>Whether a failed host's guests restart on the cluster's other hosts (default false).</summary>
    public bool Ha { get; init; }

    /// <summary>Ticks from a host's failure to its guests' restarts (<see cref="DefaultRestartDelay"/>).</summary>
    public long RestartDelay { get; init; } = DefaultRestartDelay;

    /// <summary>
    /// The share of the cluster's CPU and memory that admission control keeps free for failover, in [0, 1); null: one
    /// host's share, 1 ÷ hosts (vSphere's cluster resource percentage for one host failure). The checker holds the
    /// cluster's guests to it; a restart may use it, since that is what it is kept for.
    /// </summary>
    public double? AdmissionReserve { get; init; }

    /// <summary>The reserve in effect: <see cref="AdmissionReserve"/>, or 1 ÷ hosts.</summary>
    public double EffectiveAdmissionReserve => AdmissionReserve ?? (Hosts.Count > 0 ? 1.0 / Hosts.Count : 0);

    public override string ToString() => Name;
}
