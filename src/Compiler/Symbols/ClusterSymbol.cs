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
}
