using System.Collections.Immutable;
using System.Globalization;
using Sprache;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Language.Literals;

/// <summary>
/// The micro-grammar of versions (<c>"8.6"</c>, <c>"2024.03"</c>) and version constraints (<c>">= 8.6, &lt; 9"</c>),
/// in Sprache. Errors carry the offset of the offending character inside the string's content.
/// </summary>
public static class VersionGrammar
{
    private static readonly Parser<string> Digits = Parse.Digit.AtLeastOnce().Text();

    private static readonly Parser<string> LabelText =
        from dash in Parse.Char('-')
        from label in Parse.LetterOrDigit.Or(Parse.Char('.')).AtLeastOnce().Text()
        select label;

    private static readonly Parser<(IEnumerable<string> Parts, string? Label)> VersionParts =
        from first in Digits
        from rest in (from dot in Parse.Char('.') from digits in Digits select digits).Many()
        from label in LabelText.Optional()
        select (rest.Prepend(first), label.GetOrDefault());

    private static readonly Parser<VersionComparison> Operator =
        Parse.String(">=").Return(VersionComparison.GreaterOrEqual)
            .Or(Parse.String("<=").Return(VersionComparison.LessOrEqual))
            .Or(Parse.String("!=").Return(VersionComparison.NotEqual))
            .Or(Parse.String("==").Return(VersionComparison.Equal))
            .Or(Parse.String(">").Return(VersionComparison.Greater))
            .Or(Parse.String("<").Return(VersionComparison.Less))
            .Or(Parse.String("=").Return(VersionComparison.Equal));

    private static readonly Parser<(VersionComparison, ITextSpan<(IEnumerable<string>, string?)>)> Clause =
        from leading in Parse.WhiteSpace.Many()
        from op in Operator.Optional()
        from space in Parse.WhiteSpace.Many()
        from version in VersionParts.Span()
        from trailing in Parse.WhiteSpace.Many()
        select (op.GetOrElse(VersionComparison.Equal), version);

    private static readonly Parser<IEnumerable<(VersionComparison, ITextSpan<(IEnumerable<string>, string?)>)>> Constraint =
        Clause.DelimitedBy(Parse.Char(',')).End();

    public const string VersionHint = "a version is numbers separated by dots, such as \"8.6\" or \"2024.03\"";

    public const string ConstraintHint = "a constraint is comparisons (>=, >, <=, <, =, !=) separated by commas, such as \">= 8.6, < 9\"";

    /// <summary>Parses the content of a version string (without quotes).</summary>
    public static LiteralResult<Version> ParseVersion(string content)
    {
        var result = VersionParts.End().TryParse(content);
        if (!result.WasSuccessful)
        {
            return LiteralResult<Version>.Fail(Error(SyntaxDiagnostics.BadVersion, content, result.Remainder.Position, VersionHint));
        }

        return Build(content, result.Value.Parts, result.Value.Label, 0, out var version, out var error)
            ? LiteralResult<Version>.Ok(version!)
            : LiteralResult<Version>.Fail(error!);
    }

    /// <summary>Parses the content of a constraint string (without quotes).</summary>
    public static LiteralResult<VersionConstraint> ParseConstraint(string content)
    {
        var result = Constraint.TryParse(content);
        if (!result.WasSuccessful)
        {
            return LiteralResult<VersionConstraint>.Fail(
                Error(SyntaxDiagnostics.BadVersionConstraint, content, result.Remainder.Position, ConstraintHint));
        }

        var clauses = ImmutableArray.CreateBuilder<(VersionComparison, Version)>();
        foreach (var (op, span) in result.Value)
        {
            var text = content.Substring(span.Start.Pos, span.Length);
            if (!Build(text, span.Value.Item1, span.Value.Item2, span.Start.Pos, out var version, out var error))
            {
                return LiteralResult<VersionConstraint>.Fail(error! with { Descriptor = SyntaxDiagnostics.BadVersionConstraint, Arguments = [content, error.Arguments[1]] });
            }

            clauses.Add((op, version!));
        }

        return LiteralResult<VersionConstraint>.Ok(new VersionConstraint(clauses.ToImmutable(), content));
    }

    private static bool Build(string text, IEnumerable<string> partTexts, string? label, int offset, out Version? version, out LiteralError? error)
    {
        var parts = ImmutableArray.CreateBuilder<long>();
        var position = offset;
        foreach (var p in partTexts)
        {
            if (!long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                version = null;
                error = new LiteralError(SyntaxDiagnostics.BadVersion, position, p.Length, [text, $"the part {p} is too large"]);
                return false;
            }

            parts.Add(value);
            position += p.Length + 1;
        }

        version = new Version(parts.ToImmutable(), label, text);
        error = null;
        return true;
    }

    private static LiteralError Error(DiagnosticDescriptor descriptor, string content, int position, string hint)
    {
        var offset = Math.Min(position, content.Length);
        // Sprache backtracks to a separator (`.`, `-`, `,`) whose continuation failed; the culprit comes after it.
        if (offset < content.Length && content[offset] is '.' or '-' or ',')
        {
            offset++;
        }

        var reason = offset >= content.Length
            ? content.Length == 0 ? $"it is empty; {hint}" : $"it ends too early; {hint}"
            : $"`{content[offset]}` cannot appear here; {hint}";
        return new LiteralError(descriptor, offset, offset >= content.Length ? 0 : 1, [content, reason]);
    }
}
