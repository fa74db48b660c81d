using VirtLang.Compiler.Schema;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// Reads the values of well-typed expressions for the binder. Anything ill-typed or malformed reads as null: the
/// schema rules have reported it, and the other rules skip what they cannot know rather than guess. Literal values
/// come parsed from the syntax (<see cref="SyntaxToken.QuantityValue"/>, <see cref="SyntaxToken.AsConstraint"/>).
/// Values are read through <see cref="ValueView"/> (null or none: no value), so a one-token value is read from its
/// token and its node is never made (an expression converts to its view).
/// </summary>
internal sealed class ValueReader
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>A number or quantity (in canonical units: bytes, Hz, bits/s, W, seconds, fraction) of the wanted dimension.</summary>
    public double? Number(ValueView? value, Dimension dimension)
    {
        if (NumericLiteral.Of(value.GetValueOrDefault()) is not var (token, negative))
        {
            return null;
        }

        var sign = negative ? -1 : 1;
        var parsed = token.QuantityValue;
        return parsed.Success && parsed.Value.Dimension == dimension ? sign * parsed.Value.Value : null;
    }

    public static string? Word(ValueView? value) =>
        value.GetValueOrDefault().Identifier is { IsMissing: false } identifier ? identifier.Text : null;

    /// <summary>A string's value (unescaped). Many guests share a few strings ("2024.03"), so each distinct one is made once.</summary>
    public string? Text(ValueView? value)
    {
        if (TerminatedString(value) is not { } literal)
        {
            return null;
        }

        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(literal.TextAsSpan, out var text))
        {
            text = literal.ValueText;
            _strings[literal.Text] = text;
        }

        return text;
    }

    public static bool? Bool(ValueView? value) => Word(value) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>A list, whose elements are read with <see cref="ListExpressionSyntax.ElementView"/>; null when the value is not one.</summary>
    public static ListExpressionSyntax? List(ValueView? value) => value.GetValueOrDefault().Node as ListExpressionSyntax;

    /// <summary>A string's value as a version constraint, when it is one.</summary>
    public static VersionConstraint? Constraint(ValueView? value) =>
        TerminatedString(value) is { } literal && literal.AsConstraint() is { Success: true } parsed ? parsed.Value : null;

    /// <summary>A string's value as a version (a patch level), when it is one.</summary>
    public static Language.Literals.Version? Version(ValueView? value) =>
        TerminatedString(value) is { } literal && literal.AsVersion() is { Success: true } parsed ? parsed.Value : null;

    // The strings Text reads: an unterminated one has been reported and has no value.
    private static SyntaxToken? TerminatedString(ValueView? value) =>
        value.GetValueOrDefault().Literal is { Kind: SyntaxKind.StringLiteral } literal && SyntaxFacts.IsTerminatedString(literal.TextAsSpan)
            ? literal
            : null;
}
