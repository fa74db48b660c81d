using System.Text;
using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// A token with its leading and trailing trivia. By convention a token's trailing trivia runs to the end of its
/// line (line break included) and the next line's indentation and comments lead the next token, as in Roslyn.
/// A missing token (synthesized by the parser during recovery) has no text and no trivia.
/// </summary>
public sealed class SyntaxToken
{
    private readonly TriviaStore _store;
    private readonly int _leadStart;
    private readonly int _trailStart;
    private readonly int _leadCount;
    private readonly int _trailCount;

    internal SyntaxToken(
        TriviaStore store,
        SyntaxKind kind,
        TextSpan span,
        int leadStart,
        int leadCount,
        int trailStart,
        int trailCount,
        bool isMissing)
    {
        _store = store;
        Kind = kind;
        Span = span;
        _leadStart = leadStart;
        _leadCount = leadCount;
        _trailStart = trailStart;
        _trailCount = trailCount;
        IsMissing = isMissing;
    }

    internal static SyntaxToken Missing(TriviaStore store, SyntaxKind kind, int position) =>
        new(store, kind, new TextSpan(position, 0), 0, 0, 0, 0, isMissing: true);

    public SyntaxKind Kind { get; }

    /// <summary>The token's own text, without trivia.</summary>
    public TextSpan Span { get; }

    public bool IsMissing { get; }

    public SourceText Source => _store.Source;

    public string Text => IsMissing ? string.Empty : _store.Source.ToString(Span);

    public SyntaxTriviaList LeadingTrivia => new(_store, _leadStart, _leadCount);

    public SyntaxTriviaList TrailingTrivia => new(_store, _trailStart, _trailCount);

    /// <summary>The span with leading and trailing trivia.</summary>
    public TextSpan FullSpan
    {
        get
        {
            var start = _leadCount > 0 ? _store[_leadStart].Start : Span.Start;
            var end = Span.End;
            if (_trailCount > 0)
            {
                var last = _store[_trailStart + _trailCount - 1];
                end = last.Start + last.Length;
            }

            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>
    /// The meaning of the text: a string's content with escapes resolved (without quotes), otherwise the text itself.
    /// </summary>
    public string ValueText => Kind == SyntaxKind.StringLiteral ? UnescapeString(Text) : Text;

    public bool HasLeadingComments => Any(LeadingTrivia, static t => t.IsComment);

    public bool HasTrailingComments => Any(TrailingTrivia, static t => t.IsComment);

    /// <summary>Appends the token with its trivia, exactly as in the source.</summary>
    public void WriteFullTo(StringBuilder builder)
    {
        foreach (var t in LeadingTrivia)
        {
            builder.Append(_store.Source.Text, t.Span.Start, t.Span.Length);
        }

        if (!IsMissing)
        {
            builder.Append(_store.Source.Text, Span.Start, Span.Length);
        }

        foreach (var t in TrailingTrivia)
        {
            builder.Append(_store.Source.Text, t.Span.Start, t.Span.Length);
        }
    }

    public override string ToString() => Text;

    private static bool Any(SyntaxTriviaList list, Func<SyntaxTrivia, bool> predicate)
    {
        foreach (var t in list)
        {
            if (predicate(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Strips the quotes and resolves <c>\"</c> and <c>\\</c> (an invalid escape keeps its character); an unterminated string runs to its end.</summary>
    internal static string UnescapeString(string text)
    {
        if (text.IndexOf('\\', StringComparison.Ordinal) < 0)
        {
            var end = text.Length >= 2 && text[^1] == '"' ? text.Length - 1 : text.Length;
            return text.Substring(1, Math.Max(end - 1, 0));
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                sb.Append(text[++i]);
                continue;
            }

            if (c == '"')
            {
                break;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
