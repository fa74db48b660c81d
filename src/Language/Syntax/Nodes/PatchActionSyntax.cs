namespace VirtLang.Language.Syntax;

/// <summary><c>patch (HOST|GUEST) "LEVEL"</c></summary>
public sealed class PatchActionSyntax(SyntaxToken keyword, SyntaxToken target, SyntaxToken level) : ScenarioActionSyntax(keyword, target)
{
    /// <summary>A string literal holding the new patch level.</summary>
    public SyntaxToken Level { get; } = level;

    public override SyntaxKind Kind => SyntaxKind.PatchAction;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Keyword;
        yield return Target;
        yield return Level;
    }
}
