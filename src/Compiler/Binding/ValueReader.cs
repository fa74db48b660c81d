using VirtLang.Compiler.Schema;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// Reads the values of well-typed expressions for the binder. Anything ill-typed or malformed reads as null: the
/// schema rules have reported it, and the other rules skip what they cannot know rather than guess. Literal values
/// come parsed from the syntax (<see cref="SyntaxToken.QuantityValue"/>, <see cref="SyntaxToken.AsConstraint"/>).
/// </summary>
internal sealed class ValueReader
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>A number or quantity (in canonical units: bytes, Hz, bits/s, W, seconds, fraction) of the wanted dimension.</summary>
    public double? Number(ExpressionSyntax? expression, Dimension dimension)
    {
        if (NumericLiteral.Of(expression) is not var (token, negative))
        {
            return null;
        }

        var sign = negative ? -1 : 1;
        var parsed = token.QuantityValue;
        return parsed.Success && parsed.Value.Dimension == dimension ? sign * parsed.Value.Value : null;
    }

    public static string? Word(ExpressionSyntax? expression) =>
        expression is IdentifierExpressionSyntax { Identifier.IsMissing: false } identifier ? identifier.Name : null;

    /// <summary>A string's value (unescaped). Many guests share a few strings ("2024.03"), so each distinct one is made once.</summary>
    public string? Text(ExpressionSyntax? expression)
    {
        if (TerminatedString(expression) is not { } literal)
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

    /// <summary>A string's value as a version constraint, when it is one.</summary>
    public static VersionConstraint? Constraint(ExpressionSyntax? expression) =>
        TerminatedString(expression) is { } literal && literal.AsConstraint() is { Success: true } parsed ? parsed.Value : null;

    /// <summary>A string's value as a version (a patch level), when it is one.</summary>
    public static Language.Literals.Version? Version(ExpressionSyntax? expression) =>
        TerminatedString(expression) is { } literal && literal.AsVersion() is { Success: true } parsed ? parsed.Value : null;

    // The strings Text reads: an unterminated one has been reported and has no value.
    private static SyntaxToken? TerminatedString(ExpressionSyntax? expression) =>
        expression is LiteralExpressionSyntax { Literal: { Kind: SyntaxKind.StringLiteral } literal } && SyntaxFacts.IsTerminatedString(literal.TextAsSpan)
            ? literal
            : null;
}
