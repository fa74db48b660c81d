using System.Globalization;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// The declarations of a model by name (its one namespace), for resolving references. `count = N` on a host or guest
/// makes NAME-1 .. NAME-N: those names resolve lazily (no table entry per copy, so `count = 10000000` costs nothing).
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    public SymbolTable(IEnumerable<ModelFile> files)
    {
        foreach (var (file, block) in Declarations.Of(files))
        {
            Add(file, block);
        }
    }

    public IEnumerable<Symbol> All => _symbols.Values;

    /// <summary>The declaration named <paramref name="name"/>, or a copy NAME-k of one with `count` of at least k.</summary>
    public Symbol? Find(string name) => Find(name.AsSpan());

    /// <summary>As <see cref="Find(string)"/>, without allocating (names are looked up straight from the text).</summary>
    public Symbol? Find(ReadOnlySpan<char> name)
    {
        var lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var symbol))
        {
            return symbol;
        }

        var dash = name.LastIndexOf('-');
        if (dash > 0 && long.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1
            && name.Length - dash - 1 == k.ToString(CultureInfo.InvariantCulture).Length
            && lookup.TryGetValue(name[..dash], out var template) && template.Count >= k)
        {
            return template;
        }

        return null;
    }

    private void Add(ModelFile file, BlockSyntax block)
    {
        if (block.Name is not { IsMissing: false } name)
        {
            return;
        }

        // The first declaration wins for resolution; duplicates are reported by DeclarationTable.
        _symbols.TryAdd(name.Text, new Symbol(name.Text, block.KindName, new Location(file.Tree.Text, name.Span), CountOf(block)));
    }

    private static long CountOf(BlockSyntax block)
    {
        var count = block.Attributes.FirstOrDefault(a => a.Name.TextEquals("count"));
        return count?.Value is LiteralExpressionSyntax { Literal.Kind: SyntaxKind.NumberLiteral } literal
            && long.TryParse(literal.Literal.Text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0; // no `count`: no copies, so NAME-1 names nothing
    }
}

/// <summary>A declared name: its kind, where it is declared, and how many copies `count` makes (0 without `count`).</summary>
internal sealed record Symbol(string Name, string Kind, Location Location, long Count);
