using System.Globalization;
using Sprache;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using SpracheParse = Sprache.Parse;

namespace VirtLang.Language.Literals;

/// <summary>
/// The micro-grammar of numbers and quantities (Sprache): <c>4</c>, <c>500_000</c>, <c>2.6GHz</c>, <c>3GB/s</c>,
/// <c>70%</c>, and time chains such as <c>4d12h</c>. Turns a literal into its canonical value and dimension, or
/// an error located at the offending character.
/// </summary>
public static class QuantityGrammar
{
    private sealed record Term(ITextSpan<string> Number, ITextSpan<string>? Unit);

    private static readonly Parser<string> Digits = SpracheParse.Digit.AtLeastOnce().Text();

    // Underscores group digits and are dropped from the value: 500_000.
    private static readonly Parser<string> Integer =
        from first in Digits
        from rest in (from underscore in SpracheParse.Char('_') from digits in Digits select digits).Many()
        select string.Concat(rest.Prepend(first));

    private static readonly Parser<string> Fraction =
        from dot in SpracheParse.Char('.')
        from digits in Digits
        select "." + digits;

    private static readonly Parser<string> NumberText =
        from integer in Integer
        from fraction in Fraction.Optional()
        select integer + fraction.GetOrElse(string.Empty);

    private static readonly Parser<string> UnitSymbol =
        SpracheParse.Char('%').Once().Text().Or(
            from letters in SpracheParse.Letter.AtLeastOnce().Text()
            from per in (from slash in SpracheParse.Char('/') from rest in SpracheParse.Letter.AtLeastOnce().Text() select "/" + rest).Optional()
            select letters + per.GetOrElse(string.Empty));

    private static readonly Parser<Term> TermParser =
        from number in NumberText.Span()
        from unit in UnitSymbol.Span().Optional()
        select new Term(number, unit.GetOrDefault());

    private static readonly Parser<IEnumerable<Term>> Literal = TermParser.AtLeastOnce().End();

    /// <summary>Parses a whole number or quantity literal (the text of one token).</summary>
    public static LiteralResult<Quantity> Parse(string text)
    {
        var result = Literal.TryParse(text);
        if (!result.WasSuccessful)
        {
            var offset = Math.Min(result.Remainder.Position, text.Length);
            var reason = offset >= text.Length
                ? "it ends too early"
                : text[offset] == '_'
                    ? "an underscore must stand between two digits"
                    : $"`{text[offset]}` cannot appear here";
            return Fail(SyntaxDiagnostics.BadNumber, offset, 1, text, reason);
        }

        var terms = result.Value.ToList();
        if (terms.Count == 1)
        {
            return Evaluate(text, terms[0]);
        }

        // A chain: every part needs a time unit (4d12h).
        var total = 0d;
        foreach (var term in terms)
        {
            if (term.Unit is null)
            {
                return Fail(SyntaxDiagnostics.BadTimeChain, term.Number.Start.Pos, term.Number.Length, term.Number.Value,
                    "every part of a chained time literal needs a time unit (ms, s, m, h, d)");
            }

            var value = Evaluate(text, term);
            if (!value.Success)
            {
                return value;
            }

            if (value.Value.Dimension != Dimension.Time)
            {
                return Fail(SyntaxDiagnostics.BadTimeChain, term.Unit.Start.Pos, term.Unit.Length, term.Unit.Value,
                    "only time units (ms, s, m, h, d) chain, as in 4d12h");
            }

            total += value.Value.Value;
        }

        return LiteralResult<Quantity>.Ok(new Quantity(total, Dimension.Time));
    }

    /// <summary>
    /// The largest whole number a literal may write: numbers are doubles, which hold every whole number up to 2^53 and
    /// not all past it, so a larger one would silently become another (every attribute's maximum is far below).
    /// </summary>
    public const double LargestWhole = 9_007_199_254_740_992;

    /// <summary>Compared as digits: past 2^53 the parsed double cannot tell 9007199254740993 from the bound.</summary>
    private static bool IsPastLargestWhole(string digits)
    {
        var point = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = (point < 0 ? digits : digits[..point]).TrimStart('0');
        const string largest = "9007199254740992";
        return whole.Length > largest.Length || (whole.Length == largest.Length && string.CompareOrdinal(whole, largest) > 0);
    }

    private static LiteralResult<Quantity> Evaluate(string text, Term term)
    {
        if (IsPastLargestWhole(term.Number.Value))
        {
            return Fail(SyntaxDiagnostics.NumberTooLarge, term.Number.Start.Pos, term.Number.Length, text);
        }

        var number = double.Parse(term.Number.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

        if (term.Unit is null)
        {
            return LiteralResult<Quantity>.Ok(Quantity.Number(number));
        }

        var unit = Units.Find(term.Unit.Value);
        if (unit is null)
        {
            var suggestion = SpellChecker.Suggest(term.Unit.Value, Units.All.Select(u => u.Symbol));
            var hint = suggestion is null ? string.Empty : $" (did you mean `{suggestion}`?)";
            return LiteralResult<Quantity>.Fail(new LiteralError(SyntaxDiagnostics.UnknownUnit, term.Unit.Start.Pos, Math.Max(term.Unit.Length, 1),
                [term.Unit.Value, hint, Units.KnownSymbolsText], suggestion));
        }

        return LiteralResult<Quantity>.Ok(new Quantity(number * unit.Factor, unit.Dimension));
    }

    private static LiteralResult<Quantity> Fail(DiagnosticDescriptor descriptor, int offset, int length, params object[] args) =>
        LiteralResult<Quantity>.Fail(new LiteralError(descriptor, offset, Math.Max(length, 1), args));
}
