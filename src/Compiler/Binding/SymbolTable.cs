using System.Globalization;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Schema;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// The declarations of a model by name (its one namespace: a name is declared once, whatever its kind), for resolving
/// references and reporting names declared twice. `count = N` on a host or guest
/// makes NAME-1 .. NAME-N: those names resolve lazily (no table entry per copy, so `count = 10000000` costs nothing).
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, Symbol> _symbols;

    // Only names declared more than once, with every declaration in order: most models have none.
    private readonly Dictionary<string, List<Symbol>> _duplicates = new(StringComparer.Ordinal);

    public SymbolTable(IReadOnlyList<ModelFile> files)
    {
        // Counted first, so the table is made once: grown from empty, a table of a hundred thousand names is copied
        // into a larger array some twenty times, the last ones on the large-object heap.
        var count = 0;
        foreach (var _ in Declarations.Of(files))
        {
            count++;
        }

        _symbols = new(count, StringComparer.Ordinal);
        foreach (var (file, block) in Declarations.Of(files))
        {
            Add(file, block);
        }
    }

    /// <summary>How many names are declared.</summary>
    public int Count => _symbols.Count;

    /// <summary>Every name once (its first declaration), in declaration order.</summary>
    public IEnumerable<Symbol> All => _symbols.Values;

    /// <summary>The declaration named exactly <paramref name="name"/> (no copies).</summary>
    public Symbol? Declared(ReadOnlySpan<char> name) =>
        _symbols.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var symbol) ? symbol : null;

    /// <summary>VDL1002 at every declaration of a name declared more than once, naming the others.</summary>
    public IEnumerable<Diagnostic> ReportDuplicates()
    {
        foreach (var (name, all) in _duplicates)
        {
            foreach (var symbol in all)
            {
                var others = all.Where(o => o.Location != symbol.Location)
                    .Select(o => new RelatedLocation(o.Location, $"`{name}` is also declared here, as {o.Kind}"));
                yield return new Diagnostic(CompilerDiagnostics.DuplicateDeclaration, symbol.Location, [name, all.Count], [.. others]);
            }
        }
    }

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

        // The first declaration wins for resolution; the others are kept for VDL1002.
        var text = name.Text;
        var symbol = new Symbol(text, BlockKinds.Of(block), CountOf(block), file, block);
        if (!_symbols.TryAdd(text, symbol))
        {
            if (!_duplicates.TryGetValue(text, out var all))
            {
                _duplicates[text] = all = [_symbols[text]];
            }

            all.Add(symbol);
        }
    }

    private static long CountOf(BlockSyntax block)
    {
        if (block.KindToken.TextEquals("pool"))
        {
            return 0; // a pool's count is machines a plan may use, not copies: POOL-k are the plan's hosts
        }

        AttributeSyntax? count = null;
        foreach (var member in block.Members)
        {
            if (member is AttributeSyntax attribute && attribute.Name.TextEquals("count"))
            {
                count = attribute;
                break;
            }
        }

        return count?.ValueView.Literal is { Kind: SyntaxKind.NumberLiteral } literal
            && long.TryParse(literal.Text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0; // no `count`: no copies, so NAME-1 names nothing
    }
}

/// <summary>A declared name: its kind, where it is declared, how many copies `count` makes (0 without `count`), and its block.</summary>
/// <remarks>
/// One per declaration, kept as long as the model: 56 bytes, where a record that also held its location took 72 (a
/// model of 160,000 guests has 176,000). The location is the block's name, read from the block when asked.
/// </remarks>
internal sealed class Symbol(string name, string kind, long count, ModelFile file, BlockSyntax block)
{
    public string Name { get; } = name;

    /// <summary>The block kind, the schema's string (<see cref="BlockKinds.Of"/>).</summary>
    public string Kind { get; } = kind;

    /// <summary>Where the name is declared.</summary>
    public Location Location => new(File.Tree.Text, Block.Name!.Value.Span);

    public long Count { get; } = count;

    public ModelFile File { get; } = file;

    public BlockSyntax Block { get; } = block;

    /// <summary>The symbol the binder made of this declaration (null until bound, and for what it does not bind).</summary>
    public Symbols.ModelSymbol? Bound { get; set; }
}
