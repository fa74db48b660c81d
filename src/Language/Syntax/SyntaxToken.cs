using System.Text;
using VirtLang.Language.Literals;
using VirtLang.Language.Text;
using Version = VirtLang.Language.Literals.Version;

namespace VirtLang.Language.Syntax;

/// <summary>
/// A token with its leading and trailing trivia: a small value that points into its tree's store. By convention a
/// token's trailing trivia runs to the end of its line (line break included) and the next line's indentation and
/// comments lead the next token, as in Roslyn. A missing token (synthesized by the parser during recovery) has no
/// text and no trivia. Two tokens are equal when they are the same token of the same tree.
/// </summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    private readonly TreeStore _store;
    private readonly int _index;

    internal SyntaxToken(TreeStore store, int index)
    {
        _store = store;
        _index = index;
    }

    /// <summary>The tree's store the token lives in; nodes keep it once and their tokens as indices.</summary>
    internal TreeStore Store => _store;

    internal int Index => _index;

    private ref readonly TokenData Data => ref _store.Token(_index);

    public SyntaxKind Kind => Data.Kind;

    /// <summary>The token's own text, without trivia.</summary>
    public TextSpan Span => new(Data.Start, Width);

    private int Width => _store.Width(_index);

    public bool IsMissing => Data.IsMissing;

    public SourceText Source => _store.Source;

    public string Text => IsMissing ? string.Empty : _store.Source.Text.Substring(Data.Start, Width);

    /// <summary>The token's text without allocating a string (for comparisons on hot paths).</summary>
    public ReadOnlySpan<char> TextAsSpan => IsMissing ? [] : _store.Source.Text.AsSpan(Data.Start, Width);

    /// <summary>Whether the token's text is <paramref name="value"/>, without allocating.</summary>
    public bool TextEquals(string value) => TextAsSpan.SequenceEqual(value);

    public SyntaxTriviaList LeadingTrivia => IsMissing ? default : new(_store, _store.FullStart(_index), Data.Start);

    public SyntaxTriviaList TrailingTrivia => IsMissing ? default : new(_store, Data.Start + Width, _store.FullEnd(_index));

    /// <summary>The span with leading and trailing trivia.</summary>
    public TextSpan FullSpan => VirtLang.Language.Text.TextSpan.FromBounds(_store.FullStart(_index), _store.FullEnd(_index));

    /// <summary>
    /// The meaning of the text: a string's content with escapes resolved (without quotes), otherwise the text itself.
    /// </summary>
    public string ValueText => Kind == SyntaxKind.StringLiteral ? UnescapeString(Text) : Text;

    /// <summary>
    /// The value of a number or quantity literal (<c>16GiB</c>, <c>4d12h</c>, <c>70%</c>) in its dimension's canonical
    /// unit, or why it is malformed. The lexer parsed it, once per distinct text of the tree; this reads the tree's table.
    /// </summary>
    /// <exception cref="InvalidOperationException">The token is not a number or quantity literal.</exception>
    public LiteralResult<Quantity> QuantityValue => Kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral
        ? _store.Literals.QuantityOf(TextAsSpan)
        : throw new InvalidOperationException($"a {Kind} token has no quantity value");

    /// <summary>
    /// A string literal's value (<see cref="ValueText"/>) read as a version (<c>"8.6"</c>, <c>"2024.03"</c>), or why it
    /// is not one. Which strings hold versions depends on where they stand, so it is parsed on the first request (the
    /// parser's, for the attributes the language says hold one) and kept with the tree for every later request.
    /// </summary>
    /// <exception cref="InvalidOperationException">The token is not a string literal.</exception>
    public LiteralResult<Version> AsVersion() => _store.Literals.VersionOf(StringValueForLiterals());

    /// <summary>
    /// A string literal's value read as a version constraint (<c>">= 8.6, &lt; 9"</c>), or why it is not one; parsed
    /// once per tree, as <see cref="AsVersion"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The token is not a string literal.</exception>
    public LiteralResult<VersionConstraint> AsConstraint() => _store.Literals.ConstraintOf(StringValueForLiterals());

    public bool HasLeadingComments => LeadingTrivia.HasComments;

    public bool HasTrailingComments => TrailingTrivia.HasComments;

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);

    public bool Equals(SyntaxToken other) => ReferenceEquals(_store, other._store) && _index == other._index;

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_store, _index);

    /// <summary>Appends the token with its trivia, exactly as in the source.</summary>
    public void WriteFullTo(StringBuilder builder)
    {
        var text = _store.Source.Text;
        foreach (var t in LeadingTrivia)
        {
            builder.Append(text, t.Span.Start, t.Span.Length);
        }

        if (!IsMissing)
        {
            builder.Append(text, Data.Start, Width);
        }

        foreach (var t in TrailingTrivia)
        {
            builder.Append(text, t.Span.Start, t.Span.Length);
        }
    }

    public override string ToString() => Text;

    // The string's value without allocating when it has no escape (the content as written is its value); otherwise
    // unescaped, as ValueText.
    private ReadOnlySpan<char> StringValueForLiterals()
    {
        if (Kind != SyntaxKind.StringLiteral)
        {
            throw new InvalidOperationException($"a {Kind} token is not a string");
        }

        var text = TextAsSpan;
        if (text.Contains('\\'))
        {
            return UnescapeString(Text);
        }

        if (text.IsEmpty)
        {
            return [];
        }

        return text[1..(text.Length >= 2 && text[^1] == '"' ? text.Length - 1 : text.Length)];
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
