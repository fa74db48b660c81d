using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// The flat storage of one tree: every token in an append-only chunked array. A token is a reference to this store
/// plus an index (a tree of a million tokens is a few hundred arrays, not a million objects). Trivia are not stored:
/// a token keeps its full extent, and its trivia are re-read from the text between its neighbours when asked; only
/// the rare tokens the parser skipped are recorded, so the trivia reader can tell them from the text around them.
/// Written only while the tree is built, read-only afterwards.
/// </summary>
internal sealed class TreeStore
{
    // Fixed-size chunks, each under the large-object heap's 85,000 bytes: growing never copies, and a big tree does
    // not make the collector run full (gen 2) collections for its large arrays.
    private const int ChunkBits = 12;   // 4,096 tokens of 20 bytes
    private const int ChunkMask = (1 << ChunkBits) - 1;

    private readonly List<TextSpan> _skipped = [];
    private TokenData[][] _tokens = new TokenData[4][];

    public TreeStore(SourceText source) => Source = source;

    public SourceText Source { get; }

    public int TokenCount { get; private set; }

    public ref readonly TokenData Token(int index) => ref _tokens[index >> ChunkBits][index & ChunkMask];

    public SyntaxToken AddToken(in TokenData token)
    {
        var chunk = TokenCount >> ChunkBits;
        if ((TokenCount & ChunkMask) == 0)
        {
            if (chunk == _tokens.Length)
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }

            _tokens[chunk] = new TokenData[1 << ChunkBits];
        }

        _tokens[chunk][TokenCount & ChunkMask] = token;
        return new SyntaxToken(this, TokenCount++);
    }

    public SyntaxToken AddMissing(SyntaxKind kind, int position) =>
        AddToken(new TokenData(kind, IsMissing: true, position, 0, position, position));

    /// <summary>Records a token the parser skipped (in source order); it becomes skipped-token trivia of the next token.</summary>
    public void AddSkipped(TextSpan span) => _skipped.Add(span);

    /// <summary>The width of the skipped token that starts at <paramref name="position"/>, or 0.</summary>
    public int SkippedWidthAt(int position)
    {
        int lo = 0, hi = _skipped.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var start = _skipped[mid].Start;
            if (start == position)
            {
                return _skipped[mid].Length;
            }

            if (start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return 0;
    }
}

/// <summary>The stored form of a token: its kind, its text span and its full span (with trivia).</summary>
internal readonly record struct TokenData(
    SyntaxKind Kind,
    bool IsMissing,
    int Start,
    int Width,
    int FullStart,
    int FullEnd);
