using VirtLang.Compiler.Binding;

namespace VirtLang.Compiler.Symbols;

/// <summary>An operating system of the catalog.</summary>
public sealed class OsSymbol : ModelSymbol
{
    internal OsSymbol(string name, BlockView view)
        : base(name, view)
    {
    }

    public string? Family { get; internal set; }

    public string? Version { get; internal set; }

    /// <summary>The kernel version (<c>kernel</c>), which an application's <c>requires { kernel }</c> names.</summary>
    public string? Kernel { get; internal set; }

    public bool Paravirt { get; internal set; }

    public IReadOnlyList<string> Drivers { get; internal set; } = [];

    /// <summary>Random crashes of each VM running it (its <c>failures</c> block); null: none, or incomplete.</summary>
    public Runtime.Model.FailureSpec? Failures { get; internal set; }
}
