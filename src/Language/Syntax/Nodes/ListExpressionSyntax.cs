namespace VirtLang.Language.Syntax;

/// <summary>
/// <c>[a, b, c]</c> (a trailing comma is allowed). Its brackets are indices into the tree's store, as in
/// <see cref="BlockSyntax"/>. Most lists are names or literals and commas only (<c>[vtx, ept]</c>,
/// <c>["nvme"]</c>): their tokens then alternate in the store between the brackets, and the element nodes and
/// the separators' array are made on first access, once, like a one-token attribute value.
/// </summary>
public sealed class ListExpressionSyntax : ExpressionSyntax
{
    private readonly TreeStore _store;
    private readonly int _openBracket;
    private readonly int _closeBracket;
    // Null until first asked for a list of one-token elements; set once, by the first reader.
    private ExpressionSyntax[]? _elements;
    private SyntaxToken[]? _separators;

    public ListExpressionSyntax(SyntaxToken openBracket, SeparatedSyntaxList<ExpressionSyntax> elements, SyntaxToken closeBracket)
        : this(openBracket, closeBracket)
    {
        _elements = elements.NodeArray;
        _separators = elements.SeparatorArray;
    }

    /// <summary>A list whose elements are one name or literal each, with their commas (written or missing) between them in the store.</summary>
    internal ListExpressionSyntax(SyntaxToken openBracket, SyntaxToken closeBracket)
    {
        _store = openBracket.Store;
        _openBracket = openBracket.Index;
        _closeBracket = closeBracket.Index;
    }

    public SyntaxToken OpenBracket => new(_store, _openBracket);

    /// <summary>The elements and the commas between them (a trailing one included).</summary>
    public SeparatedSyntaxList<ExpressionSyntax> Elements =>
        SeparatedSyntaxList<ExpressionSyntax>.OfArrays(_elements ?? CreateElements(), _separators ?? CreateSeparators());

    /// <summary>How many elements there are, without making their nodes.</summary>
    public int ElementCount => _elements?.Length ?? (TokensInside + 1) / 2;

    /// <summary>The element at <paramref name="index"/> without making its node (see <see cref="ValueView"/>).</summary>
    public ValueView ElementView(int index)
    {
        if (_elements is { } elements)
        {
            return ValueView.Of(elements[index]);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ElementCount);
        return new ValueView(new SyntaxToken(_store, _openBracket + 1 + (2 * index)));
    }

    /// <summary>Whether the elements' nodes exist (made by the parser, or by a reader of <see cref="Elements"/>): for tests.</summary>
    internal bool HasElementNodes => _elements is not null;

    public SyntaxToken CloseBracket => new(_store, _closeBracket);

    public override SyntaxKind Kind => SyntaxKind.ListExpression;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return OpenBracket;
        foreach (var element in Elements.GetWithSeparators())
        {
            yield return element;
        }

        yield return CloseBracket;
    }

    // Between the brackets: element, comma, element, comma... (a trailing comma makes it even).
    private int TokensInside => _closeBracket - _openBracket - 1;

    private ExpressionSyntax[] CreateElements()
    {
        var elements = new ExpressionSyntax[(TokensInside + 1) / 2];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = OfOneToken(new SyntaxToken(_store, _openBracket + 1 + (2 * i)));
        }

        // Readers on several threads (the language server's) all get the nodes that were published first.
        return Interlocked.CompareExchange(ref _elements, elements, null) ?? elements;
    }

    private SyntaxToken[] CreateSeparators()
    {
        var separators = new SyntaxToken[TokensInside / 2];
        for (var i = 0; i < separators.Length; i++)
        {
            separators[i] = new SyntaxToken(_store, _openBracket + 2 + (2 * i));
        }

        return Interlocked.CompareExchange(ref _separators, separators, null) ?? separators;
    }
}
