namespace VirtLang.Language.Syntax;

/// <summary><c>for DURATION</c> after <c>fail HOST</c> (when the host is repaired) or <c>scale APP PERCENT</c> (how long the scale lasts).</summary>
public sealed class ForClauseSyntax(SyntaxToken forKeyword, ExpressionSyntax duration) : SyntaxNode
{
    public SyntaxToken ForKeyword { get; } = forKeyword;

    public ExpressionSyntax Duration { get; } = duration;

    public override SyntaxKind Kind => SyntaxKind.ForClause;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return ForKeyword;
        yield return Duration;
    }
}
