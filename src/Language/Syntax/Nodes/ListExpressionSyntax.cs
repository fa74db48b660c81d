using System.Collections.Immutable;

namespace VirtLang.Language.Syntax;

/// <summary><c>[a, b, c]</c> (a trailing comma is allowed). Its brackets are indices into the tree's store, as in <see cref="BlockSyntax"/>.</summary>
public sealed class ListExpressionSyntax(
    SyntaxToken openBracket,
    ImmutableArray<ExpressionSyntax> elements,
    ImmutableArray<SyntaxToken> separators,
    SyntaxToken closeBracket) : ExpressionSyntax
{
    private readonly TreeStore _store = openBracket.Store;
    private readonly int _openBracket = openBracket.Index;
    private readonly int _closeBracket = closeBracket.Index;

    public SyntaxToken OpenBracket => new(_store, _openBracket);

    public ImmutableArray<ExpressionSyntax> Elements { get; } = elements;

    /// <summary>The commas; element i is followed by separator i when there is one.</summary>
    public ImmutableArray<SyntaxToken> Separators { get; } = separators;

    public SyntaxToken CloseBracket => new(_store, _closeBracket);

    public override SyntaxKind Kind => SyntaxKind.ListExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return OpenBracket;
        for (var i = 0; i < Elements.Length; i++)
        {
            yield return Elements[i];
            if (i < Separators.Length)
            {
                yield return Separators[i];
            }
        }

        yield return CloseBracket;
    }
}
