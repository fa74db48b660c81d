namespace VirtLang.Language.Syntax;

/// <summary>What a scenario statement does: scale, fail, crash, migrate or patch.</summary>
public abstract class ScenarioActionSyntax(SyntaxToken keyword, SyntaxToken target) : SyntaxNode
{
    public SyntaxToken Keyword { get; } = keyword;

    /// <summary>The application, host or guest the action is about.</summary>
    public SyntaxToken Target { get; } = target;
}
