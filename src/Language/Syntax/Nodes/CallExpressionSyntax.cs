namespace VirtLang.Language.Syntax;

/// <summary><c>diurnal(peak = 70%, base = 10%)</c>, <c>trace("load.csv")</c></summary>
public sealed class CallExpressionSyntax(
    SyntaxToken name,
    SyntaxToken openParen,
    SeparatedSyntaxList<ArgumentSyntax> arguments,
    SyntaxToken closeParen) : ExpressionSyntax
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken OpenParen { get; } = openParen;

    /// <summary>The arguments and the commas between them (a trailing one included).</summary>
    public SeparatedSyntaxList<ArgumentSyntax> Arguments { get; } = arguments;

    public SyntaxToken CloseParen { get; } = closeParen;

    public override SyntaxKind Kind => SyntaxKind.CallExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Name;
        yield return OpenParen;
        foreach (var element in Arguments.GetWithSeparators())
        {
            yield return element;
        }

        yield return CloseParen;
    }
}
