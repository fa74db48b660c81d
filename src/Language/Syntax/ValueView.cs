using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// A value (an attribute's, a list element's) as a reader sees it without making nodes: the one name or literal token
/// it is written as, else its expression node (a list, a call, <c>-4GiB</c>, a missing value). Attributes and lists keep
/// a one-token value as a token and make its node only when <see cref="AttributeSyntax.Value"/> or
/// <see cref="ListExpressionSyntax.Elements"/> is asked; the checker reads values through this view instead, so that a
/// check makes no node for them (a million at 160,000 guests, each referenced from the older tree).
/// The default is no value.
/// </summary>
public readonly struct ValueView
{
    // Exactly one is set for a value: a one-token value is always read as its token, however it was made.
    private readonly ExpressionSyntax? _node;
    private readonly SyntaxToken _token;

    internal ValueView(SyntaxToken token) => _token = token;

    private ValueView(ExpressionSyntax node) => _node = node;

    /// <summary>No value: the view of an absent attribute.</summary>
    public bool IsNone => _node is null && _token.Store is null;

    /// <summary>The name when the value is one (an <see cref="IdentifierExpressionSyntax"/>'s token).</summary>
    public SyntaxToken? Identifier => _token.Store is not null && _token.Kind == SyntaxKind.Identifier ? _token : null;

    /// <summary>The number, quantity or string when the value is one (a <see cref="LiteralExpressionSyntax"/>'s token).</summary>
    public SyntaxToken? Literal => _token.Store is not null && _token.Kind != SyntaxKind.Identifier ? _token : null;

    /// <summary>The node of a value that is not one name or literal; null for those, and for no value.</summary>
    public ExpressionSyntax? Node => _node;

    /// <summary>The value's span, as its node's would be; empty for no value.</summary>
    public TextSpan Span => _node switch
    {
        // From the brackets: a node's span walks its children, which would make a list's element nodes.
        ListExpressionSyntax list => TextSpan.FromBounds(list.OpenBracket.Span.Start, Math.Max(list.OpenBracket.Span.Start, list.CloseBracket.Span.End)),
        { } node => node.Span,
        null => _token.Store is null ? default : _token.Span,
    };

    /// <summary>The view of <paramref name="expression"/>: its token when it is a name or a literal; null is no value.</summary>
    public static ValueView Of(ExpressionSyntax? expression) => expression switch
    {
        null => default,
        IdentifierExpressionSyntax identifier => new ValueView(identifier.Identifier),
        LiteralExpressionSyntax literal => new ValueView(literal.Literal),
        _ => new ValueView(expression),
    };

    public static implicit operator ValueView(ExpressionSyntax? expression) => Of(expression);
}
