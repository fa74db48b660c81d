namespace VirtLang.Language.Syntax;

/// <summary>The value of an attribute, an argument or a list element.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
}
