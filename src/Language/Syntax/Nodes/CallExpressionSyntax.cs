using System.Collections.Immutable;

namespace VirtLang.Language.Syntax;

/// <summary><c>diurnal(peak = 70%, base = 10%)</c>, <c>trace("load.csv")</c></summary>
public sealed class CallExpressionSyntax(
    SyntaxToken name,
    SyntaxToken openParen,
    ImmutableArray<ArgumentSyntax> arguments,
    ImmutableArray<SyntaxToken> separators,
    SyntaxToken closeParen) : ExpressionSyntax
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken OpenParen { get; } = openParen;

    public ImmutableArray<ArgumentSyntax> Arguments { get; } = arguments;

    public ImmutableArray<SyntaxToken> Separators { get; } = separators;

    public SyntaxToken CloseParen { get; } = closeParen;

    public override SyntaxKind Kind => SyntaxKind.CallExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Name;
        yield return OpenParen;
        for (var i = 0; i < Arguments.Length; i++)
        {
            yield return Arguments[i];
            if (i < Separators.Length)
            {
                yield return Separators[i];
            }
        }

        yield return CloseParen;
    }
}
