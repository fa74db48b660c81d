using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Schema;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Symbols;

/// <summary>
/// A declaration of the model with its effective values: its own attributes, else its base's, else the documented
/// defaults. What the rules check, what the editor shows on hover, what the code generator emits.
/// </summary>
public abstract class ModelSymbol
{
    private protected ModelSymbol(string name, BlockView view)
    {
        Name = name;
        View = view;
        Kind = BlockKinds.Of(view.Block);
    }

    public string Name { get; }

    /// <summary>The block kind (<c>host</c>, <c>vm</c>...).</summary>
    public string Kind { get; }

    public ModelFile File => View.File;

    public BlockSyntax Syntax => View.Block;

    /// <summary>Where the name is declared.</summary>
    public Location Declaration => View.NameLocation;

    /// <summary>Copies made by <c>count</c> (NAME-1 .. NAME-N); 1 without.</summary>
    public long Copies { get; internal set; } = 1;

    internal BlockView View { get; }

    /// <summary>Where the value of <paramref name="attribute"/> comes from (the block or its base), else the declaration.</summary>
    public Location Where(string attribute) => View.Where(attribute);

    /// <summary>"host `esx-01`", or "each of `web-1` .. `web-4`" for copies.</summary>
    public string Display => Copies > 1 ? $"each of {Kind} `{Name}-1` .. `{Name}-{Copies}`" : $"{Kind} `{Name}`";

    public override string ToString() => $"{Kind} {Name}";
}
