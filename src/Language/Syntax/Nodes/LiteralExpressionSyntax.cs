namespace VirtLang.Language.Syntax;

/// <summary>A number, a quantity (<c>16GiB</c>, <c>4d12h</c>, <c>70%</c>) or a string.</summary>
public sealed class LiteralExpressionSyntax(SyntaxToken literal) : ExpressionSyntax
{
    public SyntaxToken Literal { get; } = literal;

    public override SyntaxKind Kind => SyntaxKind.LiteralExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Literal;
    }
}
