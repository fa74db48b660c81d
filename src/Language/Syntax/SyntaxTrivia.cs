using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// Text that belongs to no token's meaning but is kept for fidelity: white space, line breaks, comments and tokens
/// the parser skipped while recovering.
/// </summary>
public readonly struct SyntaxTrivia
{
    internal SyntaxTrivia(SourceText source, SyntaxKind kind, TextSpan span)
    {
        Source = source;
        Kind = kind;
        Span = span;
    }

    public SourceText Source { get; }

    public SyntaxKind Kind { get; }

    public TextSpan Span { get; }

    public string Text => Source.ToString(Span);

    public bool IsComment => Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia;

    public override string ToString() => Text;
}
