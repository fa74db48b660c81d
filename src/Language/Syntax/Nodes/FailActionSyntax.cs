namespace VirtLang.Language.Syntax;

/// <summary><c>fail HOST (for DURATION)?</c></summary>
public sealed class FailActionSyntax(SyntaxToken keyword, SyntaxToken target, ForClauseSyntax? forClause) : ScenarioActionSyntax(keyword, target)
{
    public ForClauseSyntax? ForClause { get; } = forClause;

    public override SyntaxKind Kind => SyntaxKind.FailAction;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Keyword;
        yield return Target;
        if (ForClause is not null)
        {
            yield return ForClause;
        }
    }
}
