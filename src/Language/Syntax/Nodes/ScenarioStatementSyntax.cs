namespace VirtLang.Language.Syntax;

/// <summary><c>at TIME (.. TIME)? ACTION</c> inside a scenario.</summary>
public sealed class ScenarioStatementSyntax(SyntaxToken atKeyword, TimeRangeSyntax when, ScenarioActionSyntax? action) : MemberSyntax
{
    public SyntaxToken AtKeyword { get; } = atKeyword;

    public TimeRangeSyntax When { get; } = when;

    /// <summary>Null when the action could not be parsed (its tokens are kept as skipped trivia).</summary>
    public ScenarioActionSyntax? Action { get; } = action;

    public override SyntaxKind Kind => SyntaxKind.ScenarioStatement;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return AtKeyword;
        yield return When;
        if (Action is not null)
        {
            yield return Action;
        }
    }
}
