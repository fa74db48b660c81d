namespace VirtLang.Language.Syntax;

/// <summary>A child of a node: either a node or a token.</summary>
public readonly struct SyntaxElement
{
    public SyntaxElement(SyntaxNode node) => Node = node;

    public SyntaxElement(SyntaxToken token) => Token = token;

    public SyntaxNode? Node { get; }

    public SyntaxToken? Token { get; }

    public bool IsToken => Token.HasValue;

    public static implicit operator SyntaxElement(SyntaxNode node) => new(node);

    public static implicit operator SyntaxElement(SyntaxToken token) => new(token);
}
