using System.Text.RegularExpressions;
using VirtLang.Language.Literals;
using VirtLang.Language.Text;

namespace VirtLang.Cli.Calibration;

/// <summary>
/// Reads a calibration file's leading comment block (the <c>//</c> and blank lines before the first other line):
/// <c>// key: value</c> lines with the keys of docs/calibration.md, and prose. Every problem is collected, located
/// at its line and column, so one run shows them all.
/// </summary>
internal static partial class CalibrationHeaderParser
{
    private const string ExpectForm = "`expect: METRIC SUBJECT = VALUE ± TOLERANCE%`, as in `expect: slowdown build = 1.270 ± 5%`";

    private static readonly string[] Keys = ["calibration", "source", "published", "confidence", "role", "expect"];

    private static readonly string[] Required = ["calibration", "source", "confidence", "role", "expect"];

    /// <summary>A lower-case word and a colon opens a key line; anything else in the block is prose.</summary>
    [GeneratedRegex(@"^\s*(?<key>[a-z][a-z-]*):")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^(?<metric>\S+)\s+(?<subject>\S+)\s*=\s*(?<value>[^\s±]+)\s*(?:±|\+/-|\+-)\s*(?<tolerance>\S+)$")]
    private static partial Regex ExpectRow();

    /// <summary>The header, or null when there were problems (then <paramref name="problems"/> says what).</summary>
    public static CalibrationHeader? Parse(SourceText source, List<CalibrationProblem> problems)
    {
        var before = problems.Count;
        var values = new Dictionary<string, (string Value, int Line, int Column)>(StringComparer.Ordinal);
        var expectations = new List<CalibrationExpectation>();
        var expectLines = 0; // a malformed expect row is reported as itself, not also as missing
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.GetLineText(line);
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }

            var contentStart = text.Length - trimmed.Length + 2;
            var match = KeyLine().Match(text, contentStart, text.Length - contentStart);
            if (!match.Success)
            {
                continue;
            }

            var key = match.Groups["key"].Value;
            var keyColumn = match.Groups["key"].Index + 1;
            var valueStart = match.Index + match.Length;
            while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart]))
            {
                valueStart++;
            }

            var value = text[valueStart..].TrimEnd();
            var valueColumn = valueStart + 1;
            if (!Keys.Contains(key))
            {
                var suggestion = SpellChecker.Suggest(key, Keys);
                problems.Add(Problem(source, line, keyColumn,
                    $"unknown key `{key}:`{(suggestion is null ? "" : $" (did you mean `{suggestion}:`?)")}",
                    $"the keys are {string.Join(", ", Keys.Select(k => k + ":"))}; write prose without a `word:` opening"));
                continue;
            }

            expectLines += key == "expect" ? 1 : 0;
            if (value.Length == 0)
            {
                problems.Add(Problem(source, line, keyColumn, $"`{key}:` has no value", key == "expect" ? $"write {ExpectForm}" : $"write what the {key} is after the colon"));
                continue;
            }

            if (key == "expect")
            {
                if (ParseExpectation(source, line, value, valueColumn, problems) is { } expectation)
                {
                    expectations.Add(expectation);
                }
            }
            else if (values.TryGetValue(key, out var first))
            {
                problems.Add(Problem(source, line, keyColumn, $"`{key}:` is given twice (first on line {first.Line})", "keep one"));
            }
            else
            {
                values[key] = (value, line, valueColumn);
            }
        }

        foreach (var key in Required.Where(k => k == "expect" ? expectLines == 0 : !values.ContainsKey(k)))
        {
            problems.Add(Problem(source, 1, 1, $"the header has no `{key}:` line",
                key == "expect" ? $"add one or more lines {ExpectForm}" : $"add `// {key}: ...` to the leading comment block (docs/calibration.md)"));
        }

        var confidence = Choice<CalibrationConfidence>(source, values, "confidence", ["confirmed", "secondary", "unconfirmed"], problems);
        var role = Choice<CalibrationRole>(source, values, "role", ["fitted", "held-out"], problems);
        // In the order of the file, as diagnostics are.
        problems.Sort(before, problems.Count - before, Comparer<CalibrationProblem>.Create((a, b) => (a.Line, a.Column).CompareTo((b.Line, b.Column))));
        if (problems.Count > before || confidence is null || role is null)
        {
            return null;
        }

        return new CalibrationHeader(values["calibration"].Value, values["source"].Value, values.GetValueOrDefault("published").Value,
            confidence.Value, role.Value, expectations);
    }

    private static CalibrationExpectation? ParseExpectation(SourceText source, int line, string text, int column, List<CalibrationProblem> problems)
    {
        var row = ExpectRow().Match(text);
        if (!row.Success)
        {
            problems.Add(Problem(source, line, column, $"`{text}` is not an expect row", $"write {ExpectForm}"));
            return null;
        }

        int ColumnOf(string group) => column + row.Groups[group].Index;
        var metricName = row.Groups["metric"].Value;
        var metric = CalibrationMetric.Find(metricName);
        if (metric is null)
        {
            var suggestion = SpellChecker.Suggest(metricName, CalibrationMetric.All.Select(m => m.Name));
            problems.Add(Problem(source, line, ColumnOf("metric"),
                $"unknown metric `{metricName}`{(suggestion is null ? "" : $" (did you mean `{suggestion}`?)")}",
                $"the metrics are {CalibrationMetric.Names} (docs/calibration.md)"));
            return null;
        }

        var valueText = row.Groups["value"].Value;
        var value = QuantityGrammar.Parse(valueText);
        if (value.Error is { } error)
        {
            problems.Add(Problem(source, line, ColumnOf("value") + error.Offset,
                error.Descriptor.FormatMessage(error.Arguments), "write a plain number (`1.270`) or a quantity (`20.29MiB`, `99%`)"));
            return null;
        }

        if (!metric.Accepts.Contains(value.Value.Dimension))
        {
            problems.Add(Problem(source, line, ColumnOf("value"),
                $"`{valueText}` is {Describe(value.Value.Dimension)}, and `{metric.Name}` is {metric.Meaning}",
                $"write the value as {string.Join(" or ", metric.Accepts.Select(Describe))}"));
            return null;
        }

        if (value.Value.Value <= 0)
        {
            problems.Add(Problem(source, line, ColumnOf("value"), $"the published value `{valueText}` is not above zero",
                "a deviation is relative to the published value, so it must be positive"));
            return null;
        }

        var toleranceText = row.Groups["tolerance"].Value;
        var tolerance = QuantityGrammar.Parse(toleranceText);
        if (!tolerance.Success || tolerance.Value.Dimension != Dimension.Ratio || tolerance.Value.Value <= 0)
        {
            problems.Add(Problem(source, line, ColumnOf("tolerance"), $"`{toleranceText}` is not a tolerance",
                "write a positive percentage of the published value, such as `5%`"));
            return null;
        }

        return new CalibrationExpectation(metric, row.Groups["subject"].Value, value.Value.Value, tolerance.Value.Value, line, ColumnOf("subject"));
    }

    private static TEnum? Choice<TEnum>(SourceText source, Dictionary<string, (string Value, int Line, int Column)> values, string key, string[] words,
        List<CalibrationProblem> problems)
        where TEnum : struct, Enum
    {
        if (!values.TryGetValue(key, out var given))
        {
            return null;
        }

        var index = Array.IndexOf(words, given.Value);
        if (index < 0)
        {
            var suggestion = SpellChecker.Suggest(given.Value, words);
            problems.Add(Problem(source, given.Line, given.Column,
                $"`{given.Value}` is not a {key}{(suggestion is null ? "" : $" (did you mean `{suggestion}`?)")}",
                $"write one of {string.Join(", ", words)}"));
            return null;
        }

        // The words are listed in the enum's order.
        return Enum.GetValues<TEnum>()[index];
    }

    private static string Describe(Dimension dimension) => dimension switch
    {
        Dimension.None => "a plain number",
        Dimension.Ratio => "a percentage",
        Dimension.Memory => "a memory quantity",
        _ => $"a {dimension.ToString().ToLowerInvariant()} quantity",
    };

    private static CalibrationProblem Problem(SourceText source, int line, int column, string message, string help) =>
        new(source.Path, line, column, message, help);
}
