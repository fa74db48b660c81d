namespace VirtLang.Language.Syntax;

/// <summary><c>fail HOST (for DURATION)?</c>, or <c>fail site SITE (for DURATION)?</c> with <see cref="SiteKeyword"/>.</summary>
public sealed class FailActionSyntax(SyntaxToken keyword, SyntaxToken target, ForClauseSyntax? forClause, SyntaxToken? siteKeyword = null) : ScenarioActionSyntax(keyword, target)
{
    public ForClauseSyntax? ForClause { get; } = forClause;

    /// <summary>The <c>site</c> of <c>fail site SITE</c>: the target is then a site, not a host.</summary>
    public SyntaxToken? SiteKeyword { get; } = siteKeyword;

    public bool IsSiteFailure => SiteKeyword is not null;

    public override SyntaxKind Kind => SyntaxKind.FailAction;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Keyword;
        if (SiteKeyword is { } site)
        {
            yield return site;
        }

        yield return Target;
        if (ForClause is not null)
        {
            yield return ForClause;
        }
    }
}
