using System.Collections.Concurrent;
using VirtLang.Language.Literals;
using Version = VirtLang.Language.Literals.Version;

namespace VirtLang.Language.Syntax;

/// <summary>
/// The parsed values of one tree's literals, kept with the tree (<see cref="TreeStore.Literals"/>): numbers and
/// quantities (times included) parsed by the lexer as it reads them, versions and constraints by the parser where the
/// language says a string holds one, and a string asked for as another kind on that first request. Every later stage
/// reads them from here through the tokens (<see cref="SyntaxToken.QuantityValue"/>, <see cref="SyntaxToken.AsVersion"/>,
/// <see cref="SyntaxToken.AsConstraint"/>), so each literal text is parsed at most once per tree and kind.
/// </summary>
/// <remarks>
/// Keyed by text, not by token: models repeat a few literals (8GiB, "2024.03") tens of thousands of times, so one
/// parse serves them all, and a slot per token would grow the 8-byte token or the store by a table as long as the
/// tree. Filled while the tree is built and afterwards by whichever thread asks first: a reader never sees a half-made
/// entry; two threads asking for a new text at the same moment may both parse it, and the first value stored is the
/// one every reader gets.
/// </remarks>
internal sealed class LiteralValueTable
{
    private readonly Table<Quantity> _quantities = new(QuantityGrammar.Parse);
    private readonly Table<Version> _versions = new(VersionGrammar.ParseVersion);
    private readonly Table<VersionConstraint> _constraints = new(VersionGrammar.ParseConstraint);

    /// <summary>A number or quantity literal's text.</summary>
    public LiteralResult<Quantity> QuantityOf(ReadOnlySpan<char> text) => _quantities.Get(text);

    /// <summary>A string's content (without quotes) as a version.</summary>
    public LiteralResult<Version> VersionOf(ReadOnlySpan<char> content) => _versions.Get(content);

    /// <summary>A string's content (without quotes) as a version constraint.</summary>
    public LiteralResult<VersionConstraint> ConstraintOf(ReadOnlySpan<char> content) => _constraints.Get(content);

    /// <summary>How many times a micro-grammar ran for this tree: once per distinct text and kind (what the tests hold).</summary>
    public int Parses => _quantities.Parses + _versions.Parses + _constraints.Parses;

    private sealed class Table<T>(Func<string, LiteralResult<T>> parse)
        where T : notnull
    {
        // One lock for writers: after the first few literals of a tree nearly every request is a hit, and a hit takes none.
        private readonly ConcurrentDictionary<string, LiteralResult<T>> _items = new(concurrencyLevel: 1, capacity: 16, StringComparer.Ordinal);
        private int _parses;

        public int Parses => Volatile.Read(ref _parses);

        /// <summary>Looked up by span: a hit allocates nothing.</summary>
        public LiteralResult<T> Get(ReadOnlySpan<char> text)
        {
            if (_items.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var value))
            {
                return value;
            }

            var key = text.ToString();
            Interlocked.Increment(ref _parses);
            return _items.GetOrAdd(key, parse(key));
        }
    }
}
