using System.Diagnostics;

namespace VirtLang.Language.Syntax;

/// <summary>
/// <c>name = value</c>. Attributes are the most numerous nodes, so this one is kept small: its tokens are indices into
/// the tree's store (the parser adds the name, the <c>=</c> and a one-token value one after the other), and a value
/// of one token (a name, a number, a quantity or a string: most values) gets its node on first access, once, as
/// Roslyn creates its red nodes. A parse then allocates one object per attribute instead of two.
/// </summary>
public sealed class AttributeSyntax : MemberSyntax
{
    private readonly TreeStore _store;
    private readonly int _name;
    // Null until first asked when the value is one token (at _name + 2); set once, by the first reader.
    private ExpressionSyntax? _value;

    public AttributeSyntax(SyntaxToken name, SyntaxToken equalsToken, ExpressionSyntax value)
        : this(name, equalsToken)
    {
        _value = value;
    }

    /// <summary>An attribute whose value is the one token <paramref name="value"/>: an identifier or a literal.</summary>
    internal AttributeSyntax(SyntaxToken name, SyntaxToken equalsToken, SyntaxToken value)
        : this(name, equalsToken)
    {
        Debug.Assert(value.Index == name.Index + 2, "the value token follows the `=`");
    }

    private AttributeSyntax(SyntaxToken name, SyntaxToken equalsToken)
    {
        Debug.Assert(equalsToken.Index == name.Index + 1, "the `=` follows the name");
        _store = name.Store;
        _name = name.Index;
    }

    public SyntaxToken Name => new(_store, _name);

    public SyntaxToken EqualsToken => new(_store, _name + 1);

    public ExpressionSyntax Value => _value ?? CreateValue();

    /// <summary>The value without making its node: a one-token value is read from its token.</summary>
    public ValueView ValueView => _value is { } value ? ValueView.Of(value) : new ValueView(new SyntaxToken(_store, _name + 2));

    /// <summary>Whether the value's node exists (made by the parser, or by a reader of <see cref="Value"/>): for tests.</summary>
    internal bool HasValueNode => _value is not null;

    public override SyntaxKind Kind => SyntaxKind.Attribute;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Name;
        yield return EqualsToken;
        yield return Value;
    }

    private ExpressionSyntax CreateValue()
    {
        var value = ExpressionSyntax.OfOneToken(new SyntaxToken(_store, _name + 2));
        // Readers on several threads (the language server's) all get the node that was published first.
        return Interlocked.CompareExchange(ref _value, value, null) ?? value;
    }
}
