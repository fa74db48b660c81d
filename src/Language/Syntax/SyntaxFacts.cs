namespace VirtLang.Language.Syntax;

/// <summary>What the syntax knows about words and tokens, in one place.</summary>
public static class SyntaxFacts
{
    /// <summary>The declaration kinds of language.md that stand at the top of a file, in the language's order.</summary>
    public static readonly IReadOnlyList<string> TopLevelBlockKinds = ["os", "hardware", "app", "host", "cluster", "site", "pool", "plan", "scenario"];

    public static SyntaxKind? ScenarioActionKind(string word) => word switch
    {
        "scale" => SyntaxKind.ScaleKeyword,
        "fail" => SyntaxKind.FailKeyword,
        "crash" => SyntaxKind.CrashKeyword,
        "migrate" => SyntaxKind.MigrateKeyword,
        "patch" => SyntaxKind.PatchKeyword,
        _ => null,
    };

    /// <summary>The figures an <c>expect</c> statement compares (docs/language.md, "Scenario statements").</summary>
    public static readonly IReadOnlyList<string> ExpectationMetrics = ["availability", "served", "downtime", "slowdown", "utilization"];

    /// <summary>The statistics of a host's utilization over the run, as the results have them.</summary>
    public static readonly IReadOnlyList<string> ExpectationStatistics = ["p95", "mean", "max"];

    /// <summary>The one metric that takes a statistic: a host's utilization is a series; the others are one figure per run.</summary>
    public const string MetricWithStatistic = "utilization";

    public static bool IsComparison(SyntaxKind kind) =>
        kind is SyntaxKind.GreaterThanEquals or SyntaxKind.GreaterThan or SyntaxKind.LessThanEquals or SyntaxKind.LessThan;

    public static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c > 127 && char.IsLetter(c));

    public static bool IsIdentifierPart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' || (c > 127 && char.IsLetterOrDigit(c));

    /// <summary>Whether a string literal's text has its closing quote (an escaped <c>\"</c> does not close it).</summary>
    public static bool IsTerminatedString(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i == text.Length - 1;
            }
        }

        return false;
    }
}
