namespace VirtLang.Language.Syntax;

/// <summary><c>migrate GUEST to HOST</c></summary>
public sealed class MigrateActionSyntax(SyntaxToken keyword, SyntaxToken target, SyntaxToken toKeyword, SyntaxToken destination)
    : ScenarioActionSyntax(keyword, target)
{
    public SyntaxToken ToKeyword { get; } = toKeyword;

    public SyntaxToken Destination { get; } = destination;

    public override SyntaxKind Kind => SyntaxKind.MigrateAction;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Keyword;
        yield return Target;
        yield return ToKeyword;
        yield return Destination;
    }
}
