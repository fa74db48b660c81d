namespace VirtLang.Language.Syntax;

/// <summary>Stands where a value was expected and none was written; holds one zero-width missing token.</summary>
public sealed class MissingExpressionSyntax(SyntaxToken missing) : ExpressionSyntax
{
    public SyntaxToken Missing { get; } = missing;

    public override SyntaxKind Kind => SyntaxKind.MissingExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Missing;
    }
}
