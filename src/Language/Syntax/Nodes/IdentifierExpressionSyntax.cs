namespace VirtLang.Language.Syntax;

/// <summary>A name used as a value: a reference (<c>rhel8</c>) or an enum word (<c>bare_metal</c>, <c>true</c>).</summary>
public sealed class IdentifierExpressionSyntax(SyntaxToken identifier) : ExpressionSyntax
{
    public SyntaxToken Identifier { get; } = identifier;

    public string Name => Identifier.Text;

    public override SyntaxKind Kind => SyntaxKind.IdentifierExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Identifier;
    }
}
