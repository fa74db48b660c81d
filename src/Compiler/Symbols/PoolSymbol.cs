using VirtLang.Compiler.Binding;

namespace VirtLang.Compiler.Symbols;

/// <summary>
/// Machines a plan may use (<c>pool NAME { hardware = ..  count = .. }</c>): one machine model, one host OS and patch,
/// one hypervisor. <see cref="Machine"/> is that machine read as a host, so that the planner measures capacity,
/// memory and the hypervisor's costs with the same properties the checker uses on a written host.
/// </summary>
public sealed class PoolSymbol : ModelSymbol
{
    internal PoolSymbol(string name, BlockView view, HostSymbol machine)
        : base(name, view)
    {
        Machine = machine;
    }

    /// <summary>The machine model; null when the reference is missing or names no hardware (reported by the schema rules).</summary>
    public HardwareSymbol? Hardware { get; internal set; }

    /// <summary>Machines available (at least 1).</summary>
    public long Count { get; internal set; } = 1;

    /// <summary>One machine of the pool as a host in no cluster: hardware, OS, patch and hypervisor, without guests.</summary>
    public HostSymbol Machine { get; }

    public SiteSymbol? Site { get; internal set; }

    /// <summary>The cluster the placed machines join (<c>cluster = NAME</c>), whose policy sizes them; null: none.</summary>
    public ClusterSymbol? Cluster { get; internal set; }
}
