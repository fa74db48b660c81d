namespace VirtLang.Language.Syntax;

/// <summary>The value of an attribute, an argument or a list element.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    /// <summary>The node of a value written as one name or literal token (made on demand by compact nodes).</summary>
    internal static ExpressionSyntax OfOneToken(SyntaxToken token) =>
        token.Kind == SyntaxKind.Identifier ? new IdentifierExpressionSyntax(token) : new LiteralExpressionSyntax(token);
}
