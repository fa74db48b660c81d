namespace VirtLang.Language.Syntax;

/// <summary><c>-4GiB</c>: parsed so that the checker can say the value is out of range, rather than a syntax error.</summary>
public sealed class UnaryExpressionSyntax(SyntaxToken operatorToken, ExpressionSyntax operand) : ExpressionSyntax
{
    public SyntaxToken OperatorToken { get; } = operatorToken;

    public ExpressionSyntax Operand { get; } = operand;

    public override SyntaxKind Kind => SyntaxKind.UnaryExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return OperatorToken;
        yield return Operand;
    }
}
