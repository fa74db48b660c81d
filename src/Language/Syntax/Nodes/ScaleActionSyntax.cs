namespace VirtLang.Language.Syntax;

/// <summary><c>scale APP PERCENT (for DURATION)?</c></summary>
public sealed class ScaleActionSyntax(SyntaxToken keyword, SyntaxToken target, ExpressionSyntax amount, ForClauseSyntax? forClause = null) : ScenarioActionSyntax(keyword, target)
{
    public ExpressionSyntax Amount { get; } = amount;

    /// <summary>How long the scale lasts from its start; null: until the range's end, or the scenario's.</summary>
    public ForClauseSyntax? ForClause { get; } = forClause;

    public override SyntaxKind Kind => SyntaxKind.ScaleAction;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Keyword;
        yield return Target;
        yield return Amount;
        if (ForClause is not null)
        {
            yield return ForClause;
        }
    }
}
