using VirtLang.Compiler.Binding;

namespace VirtLang.Compiler.Symbols;

/// <summary>A machine model of the catalog; hosts based on it read its values through their own.</summary>
public sealed class HardwareSymbol : ModelSymbol
{
    internal HardwareSymbol(string name, BlockView view)
        : base(name, view)
    {
    }
}
