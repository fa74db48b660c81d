using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// The flat storage of one tree: every token and every trivia in two append-only arrays. A token is a reference to
/// this store plus an index (so a tree of a million tokens is two arrays, not a million objects), and its trivia
/// are a contiguous range of the trivia array. Written only while the tree is built, read-only afterwards.
/// </summary>
internal sealed class TreeStore
{
    private TriviaData[] _trivia;
    private TokenData[] _tokens;

    public TreeStore(SourceText source)
    {
        Source = source;
        // Sized once from the text (about one token per six characters and one trivia per three in real models),
        // so the arrays are rarely copied.
        _trivia = new TriviaData[Math.Max(64, source.Length / 3)];
        _tokens = new TokenData[Math.Max(64, source.Length / 6)];
    }

    public SourceText Source { get; }

    public int TriviaCount { get; private set; }

    public int TokenCount { get; private set; }

    public TriviaData Trivia(int index) => _trivia[index];

    public ref readonly TokenData Token(int index) => ref _tokens[index];

    public void AddTrivia(TriviaData trivia)
    {
        if (TriviaCount == _trivia.Length)
        {
            Array.Resize(ref _trivia, _trivia.Length * 2);
        }

        _trivia[TriviaCount++] = trivia;
    }

    public SyntaxToken AddToken(in TokenData token)
    {
        if (TokenCount == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[TokenCount] = token;
        return new SyntaxToken(this, TokenCount++);
    }

    public SyntaxToken AddMissing(SyntaxKind kind, int position) =>
        AddToken(new TokenData(kind, IsMissing: true, position, 0, 0, 0, 0, 0));
}

/// <summary>The stored form of a token.</summary>
internal readonly record struct TokenData(
    SyntaxKind Kind,
    bool IsMissing,
    int Start,
    int Width,
    int LeadStart,
    int LeadCount,
    int TrailStart,
    int TrailCount);
