namespace VirtLang.Language.Syntax;

/// <summary><c>crash GUEST</c></summary>
public sealed class CrashActionSyntax(SyntaxToken keyword, SyntaxToken target) : ScenarioActionSyntax(keyword, target)
{
    public override SyntaxKind Kind => SyntaxKind.CrashAction;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Keyword;
        yield return Target;
    }
}
