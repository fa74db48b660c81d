namespace VirtLang.Language.Syntax;

/// <summary>Something that stands on its own in a file or in a block: an import, a block, an attribute, a scenario statement.</summary>
public abstract class MemberSyntax : SyntaxNode
{
}
