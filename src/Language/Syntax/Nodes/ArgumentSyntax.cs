namespace VirtLang.Language.Syntax;

/// <summary>A call argument: <c>peak = 70%</c> (named) or <c>"load.csv"</c> (positional).</summary>
public sealed class ArgumentSyntax(SyntaxToken? name, SyntaxToken? equalsToken, ExpressionSyntax value) : SyntaxNode
{
    public SyntaxToken? Name { get; } = name;

    public SyntaxToken? EqualsToken { get; } = equalsToken;

    public ExpressionSyntax Value { get; } = value;

    public override SyntaxKind Kind => SyntaxKind.Argument;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        if (Name is { } name)
        {
            yield return name;
        }

        if (EqualsToken is { } equalsToken)
        {
            yield return equalsToken;
        }

        yield return Value;
    }
}
