namespace VirtLang.Language.Syntax;

/// <summary><c>name = value</c></summary>
public sealed class AttributeSyntax(SyntaxToken name, SyntaxToken equalsToken, ExpressionSyntax value) : MemberSyntax
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken EqualsToken { get; } = equalsToken;

    public ExpressionSyntax Value { get; } = value;

    public override SyntaxKind Kind => SyntaxKind.Attribute;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Name;
        yield return EqualsToken;
        yield return Value;
    }
}
