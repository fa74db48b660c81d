using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// The flat storage of one tree: every token, 8 bytes each (<see cref="TokenData"/>), in an append-only chunked
/// array. A token is a reference to this store plus an index (a tree of a million tokens is a few hundred arrays,
/// not a million objects), and nodes keep indices with one reference to the store. Trivia are not stored: a token
/// keeps its extent (its full start is the previous token's full end), and its trivia are re-read from the text
/// between its neighbours when asked; only the rare tokens the parser skipped are recorded, so the trivia reader
/// can tell them from the text around them. Written only while the tree is built, read-only afterwards.
/// </summary>
internal sealed class TreeStore
{
    // Fixed-size chunks, each under the large-object heap's 85,000 bytes: growing never copies, and a big tree does
    // not make the collector run full (gen 2) collections for its large arrays.
    private const int ChunkBits = 13;   // 8,192 tokens of 8 bytes
    private const int ChunkMask = (1 << ChunkBits) - 1;

    private readonly List<TextSpan> _skipped = [];
    // The widths that do not fit the byte of TokenData, by token index: long strings and comments, rare.
    private readonly Dictionary<int, int> _longWidths = [];
    private readonly Dictionary<int, int> _longTrailingWidths = [];
    private TokenData[][] _tokens = new TokenData[4][];
    // Where the full span of the last token taken ends: the next token's full span starts there.
    private int _fullEnd;

    public TreeStore(SourceText source) => Source = source;

    public SourceText Source { get; }

    /// <summary>The parsed values of the tree's literals, each distinct text parsed once (<see cref="LiteralValueTable"/>).</summary>
    public LiteralValueTable Literals { get; } = new();

    public int TokenCount { get; private set; }

    public ref readonly TokenData Token(int index) => ref _tokens[index >> ChunkBits][index & ChunkMask];

    public int Width(int index)
    {
        var width = Token(index).Width;
        return width == TokenData.Long ? _longWidths[index] : width;
    }

    /// <summary>
    /// Where the token's leading trivia start: where the previous token's full span ends (tokens and the tokens
    /// skipped between them tile the text), so it is derived instead of stored. A missing token has no trivia.
    /// </summary>
    public int FullStart(int index)
    {
        ref readonly var token = ref Token(index);
        return token.IsMissing ? token.Start : index == 0 ? 0 : ChainEnd(index - 1);
    }

    /// <summary>Where the token's trailing trivia end (its own position when it is missing).</summary>
    public int FullEnd(int index)
    {
        ref readonly var token = ref Token(index);
        return token.IsMissing ? token.Start : ChainEnd(index);
    }

    /// <summary>
    /// Adds the next token of the text. Its leading trivia start where the previous token's full span ended, and
    /// tokens skipped in between become its skipped-token trivia.
    /// </summary>
    public SyntaxToken AddToken(SyntaxKind kind, int start, int width, int fullEnd)
    {
        _fullEnd = fullEnd;
        return Add(new TokenData(kind, TokenData.Flags.None, start, width, fullEnd - start - width), width, fullEnd - start - width);
    }

    /// <summary>A zero-width token synthesized by the parser; it passes the full end of the previous one on.</summary>
    public SyntaxToken AddMissing(SyntaxKind kind, int position) =>
        Add(new TokenData(kind, TokenData.Flags.Missing, position, 0, _fullEnd - position), 0, _fullEnd - position);

    // The end of the token's trailing trivia; for a missing token, the full end of the token before it.
    private int ChainEnd(int index)
    {
        ref readonly var token = ref Token(index);
        var trailing = token.TrailingWidth == TokenData.Long ? _longTrailingWidths[index] : token.TrailingWidth;
        return token.Start + Width(index) + trailing;
    }

    private SyntaxToken Add(in TokenData token, int width, int trailingWidth)
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
        if (width >= TokenData.Long)
        {
            _longWidths[TokenCount] = width;
        }

        if (trailingWidth >= TokenData.Long)
        {
            _longTrailingWidths[TokenCount] = trailingWidth;
        }

        return new SyntaxToken(this, TokenCount++);
    }
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
