namespace VirtLang.Language.Syntax;

/// <summary><c>scale APP PERCENT</c></summary>
public sealed class ScaleActionSyntax(SyntaxToken keyword, SyntaxToken target, ExpressionSyntax amount) : ScenarioActionSyntax(keyword, target)
{
    public ExpressionSyntax Amount { get; } = amount;

    public override SyntaxKind Kind => SyntaxKind.ScaleAction;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Keyword;
        yield return Target;
        yield return Amount;
    }
}
