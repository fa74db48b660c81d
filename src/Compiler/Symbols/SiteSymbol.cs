using VirtLang.Compiler.Binding;

namespace VirtLang.Compiler.Symbols;

/// <summary>A site (a data center, an availability zone): where hosts stand, and what applications fail over between.</summary>
public sealed class SiteSymbol : ModelSymbol
{
    internal SiteSymbol(string name, BlockView view)
        : base(name, view)
    {
    }

    /// <summary>Where it is, for reports; null when not written.</summary>
    public string? Location { get; internal set; }

    /// <summary>The hosts that name it, in the model's order (a host with copies once).</summary>
    public IReadOnlyList<HostSymbol> Hosts { get; internal set; } = [];
}
