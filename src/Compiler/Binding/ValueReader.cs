using VirtLang.Compiler.Schema;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// Reads the values of well-typed expressions for the binder. Anything ill-typed or malformed reads as null: the
/// schema rules have reported it, and the other rules skip what they cannot know rather than guess.
/// </summary>
internal sealed class ValueReader
{
    private readonly LiteralCache<LiteralResult<Quantity>> _literals = new(QuantityGrammar.Parse);
    private readonly LiteralCache<LiteralResult<VersionConstraint>> _constraints = new(VersionGrammar.ParseConstraint);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>A number or quantity (in canonical units: bytes, Hz, bits/s, W, seconds, fraction) of the wanted dimension.</summary>
    public double? Number(ExpressionSyntax? expression, Dimension dimension)
    {
        if (NumericLiteral.Of(expression) is not var (token, negative))
        {
            return null;
        }

        var sign = negative ? -1 : 1;
        var parsed = _literals.Get(token.TextAsSpan);
        return parsed.Success && parsed.Value.Dimension == dimension ? sign * parsed.Value.Value : null;
    }

    public static string? Word(ExpressionSyntax? expression) =>
        expression is IdentifierExpressionSyntax { Identifier.IsMissing: false } identifier ? identifier.Name : null;

    /// <summary>A string's value (unescaped). Many guests share a few strings ("2024.03"), so each distinct one is made once.</summary>
    public string? Text(ExpressionSyntax? expression)
    {
        if (expression is not LiteralExpressionSyntax { Literal: { Kind: SyntaxKind.StringLiteral } literal } || !SyntaxFacts.IsTerminatedString(literal.TextAsSpan))
        {
            return null;
        }

        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(literal.TextAsSpan, out var value))
        {
            value = literal.ValueText;
            _strings[literal.Text] = value;
        }

        return value;
    }

    public static bool? Bool(ExpressionSyntax? expression) => Word(expression) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    // A struct list, not an interface: boxing one per read showed up as a tenth of binding a large model.
    public static SeparatedSyntaxList<ExpressionSyntax> List(ExpressionSyntax? expression) =>
        expression is ListExpressionSyntax list ? list.Elements : default;

    public VersionConstraint? Constraint(ExpressionSyntax? expression)
    {
        if (Text(expression) is not { } text)
        {
            return null;
        }

        var parsed = _constraints.Get(text.AsSpan());
        return parsed.Success ? parsed.Value : null;
    }
}
