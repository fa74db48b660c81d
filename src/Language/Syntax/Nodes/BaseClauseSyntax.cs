namespace VirtLang.Language.Syntax;

/// <summary><c>: BASE</c> after a block's name: copy a catalog entry and override it.</summary>
public sealed class BaseClauseSyntax(SyntaxToken colon, SyntaxToken baseName) : SyntaxNode
{
    public SyntaxToken Colon { get; } = colon;

    public SyntaxToken BaseName { get; } = baseName;

    public override SyntaxKind Kind => SyntaxKind.BaseClause;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Colon;
        yield return BaseName;
    }
}
