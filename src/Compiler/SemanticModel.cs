using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler;

/// <summary>
/// The bound model: every declaration as a symbol with its effective values (after base and defaults), and where
/// each is referenced. The editor asks it for the symbol at a position, the references of a symbol and the
/// effective values of a host or guest; the rules and the code generator read the same symbols.
/// </summary>
public sealed class SemanticModel
{
    private readonly SymbolTable _table;
    private readonly ChunkedList<(ModelFile File, SyntaxToken Token)> _references;
    private Dictionary<string, List<(int Start, int End, string Name)>>? _namesByFile;

    // Both built on the first question: the checker asks only whether a few catalog entries are referenced, the
    // editor where a symbol is referenced (a large model has a hundred thousand references to a few names).
    private Dictionary<ModelSymbol, List<Location>>? _referencesBySymbol;
    private HashSet<ModelSymbol>? _referenced;

    internal SemanticModel(
        IReadOnlyList<OsSymbol> operatingSystems,
        IReadOnlyList<HardwareSymbol> hardware,
        IReadOnlyList<ApplicationSymbol> applications,
        IReadOnlyList<HostSymbol> hosts,
        IReadOnlyList<ClusterSymbol> clusters,
        IReadOnlyList<ScenarioSymbol> scenarios,
        ChunkedList<(ModelFile File, SyntaxToken Token)> references,
        SymbolTable table)
    {
        OperatingSystems = operatingSystems;
        Hardware = hardware;
        Applications = applications;
        Hosts = hosts;
        Clusters = clusters;
        Scenarios = scenarios;
        Guests = AllGuests(hosts);
        _table = table;

        _references = references;
    }

    public IReadOnlyList<OsSymbol> OperatingSystems { get; }

    public IReadOnlyList<HardwareSymbol> Hardware { get; }

    public IReadOnlyList<ApplicationSymbol> Applications { get; }

    public IReadOnlyList<HostSymbol> Hosts { get; }

    public IReadOnlyList<GuestSymbol> Guests { get; }

    public IReadOnlyList<ClusterSymbol> Clusters { get; }

    public IReadOnlyList<ScenarioSymbol> Scenarios { get; }

    /// <summary>The sites, in file and position order (empty when the model declares none).</summary>
    public IReadOnlyList<SiteSymbol> Sites { get; internal init; } = [];

    /// <summary>The pools of machines plans may use, in file and position order (docs/planning.md).</summary>
    public IReadOnlyList<PoolSymbol> Pools { get; internal init; } = [];

    /// <summary>The plans, in file and position order (docs/planning.md).</summary>
    public IReadOnlyList<PlanSymbol> Plans { get; internal init; } = [];

    /// <summary>The symbol named <paramref name="name"/>; a copy <c>NAME-k</c> made by <c>count</c> resolves to its template.</summary>
    public ModelSymbol? Resolve(string name) => Resolve(name.AsSpan());

    /// <summary>As <see cref="Resolve(string)"/>, straight from text.</summary>
    public ModelSymbol? Resolve(ReadOnlySpan<char> name)
    {
        // The table holds each declaration's bound symbol (there is no second table of names).
        return _table.Find(name)?.Bound;
    }

    /// <summary>The symbol declared or referenced at <paramref name="offset"/> of the file at <paramref name="path"/> (as the model names it).</summary>
    public ModelSymbol? SymbolAt(string path, int offset)
    {
        _namesByFile ??= IndexNames();
        if (!_namesByFile.TryGetValue(path, out var names))
        {
            return null;
        }

        // The last name starting at or before the offset, if the offset is inside it (or just after it, as editors ask).
        int lo = 0, hi = names.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (names[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && offset <= names[found].End ? Resolve(names[found].Name) : null;
    }

    /// <summary>Where <paramref name="symbol"/> is referenced (its copies' names included), in file and position order; the declaration with <paramref name="includeDeclaration"/>.</summary>
    public IReadOnlyList<Location> ReferencesOf(ModelSymbol symbol, bool includeDeclaration = false)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        _referencesBySymbol ??= IndexReferences();
        var found = _referencesBySymbol.GetValueOrDefault(symbol) ?? [];
        if (found.Count == 0 && !includeDeclaration)
        {
            return [];
        }

        IEnumerable<Location> all = includeDeclaration ? found.Prepend(symbol.Declaration) : found;
        return [.. all.OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Span.Start)];
    }

    /// <summary>Whether anything references <paramref name="symbol"/> (cheaper than <see cref="ReferencesOf"/> when only that matters).</summary>
    public bool IsReferenced(ModelSymbol symbol)
    {
        if (symbol is null)
        {
            return false;
        }

        if (_referencesBySymbol is { } index)
        {
            return index.TryGetValue(symbol, out var list) && list.Count > 0;
        }

        _referenced ??= ReferencedSymbols();
        return _referenced.Contains(symbol);
    }

    public HostSymbol? Host(string name) => Resolve(name) as HostSymbol;

    public GuestSymbol? Guest(string name) => Resolve(name) as GuestSymbol;

    /// <summary>Every host's guests, host by host, in an array of their number (a hundred thousand: no regrowth).</summary>
    private static GuestSymbol[] AllGuests(IReadOnlyList<HostSymbol> hosts)
    {
        var count = 0;
        for (var h = 0; h < hosts.Count; h++)
        {
            count += hosts[h].Guests.Count;
        }

        var guests = new GuestSymbol[count];
        var next = 0;
        for (var h = 0; h < hosts.Count; h++)
        {
            var own = hosts[h].Guests;
            for (var g = 0; g < own.Count; g++)
            {
                guests[next++] = own[g];
            }
        }

        return guests;
    }

    /// <summary>The places each symbol is referenced, in the order they were recorded.</summary>
    private Dictionary<ModelSymbol, List<Location>> IndexReferences()
    {
        var index = new Dictionary<ModelSymbol, List<Location>>(ReferenceEqualityComparer.Instance);
        foreach (var (file, token) in _references)
        {
            // An unresolved reference has its diagnostic already and belongs to nobody.
            if (Resolve(token.TextAsSpan) is not { } symbol)
            {
                continue;
            }

            if (!index.TryGetValue(symbol, out var list))
            {
                index[symbol] = list = [];
            }

            list.Add(new Location(file.Tree.Text, token.Span));
        }

        return index;
    }

    /// <summary>The symbols referenced at least once (what <see cref="IsReferenced"/> needs, without the places).</summary>
    private HashSet<ModelSymbol> ReferencedSymbols()
    {
        // The two symbols last added are skipped without hashing (a model names a few symbols over and over, often
        // in turn: a guest's `os`, then its `runs`), as hashing an object by reference was measured slow here.
        var referenced = new HashSet<ModelSymbol>(ReferenceEqualityComparer.Instance);
        ModelSymbol? last = null, beforeLast = null;
        foreach (var (_, token) in _references)
        {
            if (Resolve(token.TextAsSpan) is { } symbol && !ReferenceEquals(symbol, last) && !ReferenceEquals(symbol, beforeLast))
            {
                referenced.Add(symbol);
                (beforeLast, last) = (last, symbol);
            }
        }

        return referenced;
    }

    /// <summary>Every name token by file and position, built on the first question (the checker never asks; the editor does).</summary>
    private Dictionary<string, List<(int Start, int End, string Name)>> IndexNames()
    {
        var index = new Dictionary<string, List<(int Start, int End, string Name)>>(StringComparer.Ordinal);
        void Index(ModelFile file, int start, int end, string name)
        {
            if (!index.TryGetValue(file.Path, out var list))
            {
                index[file.Path] = list = [];
            }

            list.Add((start, end, name));
        }

        foreach (var (file, token) in _references)
        {
            Index(file, token.Span.Start, token.Span.End, token.Text);
        }

        foreach (var declaration in _table.All)
        {
            if (declaration.Bound is { } symbol)
            {
                Index(symbol.File, symbol.Declaration.Span.Start, symbol.Declaration.Span.End, symbol.Name);
            }
        }

        foreach (var list in index.Values)
        {
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        return index;
    }
}
