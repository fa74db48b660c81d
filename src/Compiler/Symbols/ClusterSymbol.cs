using VirtLang.Compiler.Binding;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Symbols;

/// <summary>A group of hosts with its overcommit policy.</summary>
public sealed class ClusterSymbol : ModelSymbol
{
    internal ClusterSymbol(string name, BlockView view)
        : base(name, view)
    {
    }

    public IReadOnlyList<HostSymbol> Hosts { get; internal set; } = [];

    public double CpuOvercommit { get; internal set; } = ClusterSpec.DefaultCpuOvercommit;

    public double MemoryOvercommit { get; internal set; } = ClusterSpec.DefaultMemoryOvercommit;

    /// <summary>HA restart of a failed host's guests on the others (<c>policy { ha = true }</c>; default false).</summary>
    public bool Ha { get; internal set; }

    /// <summary>Seconds from a host's failure to its guests' HA restarts (default 15).</summary>
    public double RestartDelaySeconds { get; internal set; } = (double)ClusterSpec.DefaultRestartDelay / Runtime.Kernel.SimTime.TicksPerSecond;

    /// <summary>The admission reserve as written (a fraction), or null for one host's share (<see cref="EffectiveAdmissionReserve"/>).</summary>
    public double? AdmissionReserve { get; internal set; }

    /// <summary>The share of the cluster's CPU and memory admission control keeps free: as written, else 1 ÷ hosts.</summary>
    public double EffectiveAdmissionReserve => AdmissionReserve ?? (Hosts.Count > 0 ? 1.0 / Hosts.Sum(h => (double)h.Copies) : 0);
}
