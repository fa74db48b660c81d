using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Schema;

/// <summary>
/// The statements of a scenario (docs/language.md, "Scenario statements"): <c>at TIME ACTION</c> with its actions and
/// their targets, and <c>expect</c> with its metrics, statistics and subjects. The checker, completion and the TextMate
/// grammar read it; the words the parser must know (actions, metrics, statistics) are <see cref="SyntaxFacts"/>'.
/// </summary>
public static class ScenarioStatementSchema
{
    /// <summary>The block kind whose members the statements are.</summary>
    public const string BlockKind = "scenario";

    public static readonly KeywordSchema At = new("at", "at TIME[..TIME] ACTION: an event of the scenario");

    public static readonly KeywordSchema Expect = new("expect", "expect [p95|mean|max] METRIC SUBJECT OP VALUE: what the run must show");

    /// <summary>The word of a lasting action's duration (<c>scale web 300% for 6h</c>).</summary>
    public static readonly KeywordSchema For = new("for", "for DURATION: how long the action lasts");

    /// <summary>
    /// A guest's OS, or a host's OS, kernel or hypervisor (its blast radius depends on the kind: every container of an
    /// os_level host, every VM of a hosted one; docs/simulation.md).
    /// </summary>
    private static readonly IReadOnlyList<string> CrashTargets = [.. ModelSchema.GuestKinds, "host"];

    /// <summary>The actions in the language's order; each word is also <see cref="SyntaxFacts.ScenarioActionKind"/>'s.</summary>
    public static readonly IReadOnlyList<ScenarioActionSchema> Actions =
    [
        new("scale", ["app"], "scale APP PERCENT: the application's demand, times the percentage"),
        new("fail", ["host"], "fail HOST: the machine goes down, with everything on it")
        {
            Modifier = new(new KeywordSchema("site", "fail site SITE: every host of the site"), ["site"]),
        },
        new("crash", CrashTargets, "crash GUEST or HOST: its OS (a host's: its hypervisor) crashes and restarts"),
        new("migrate", ModelSchema.GuestKinds, "migrate GUEST to HOST: a live migration")
        {
            Destination = new(new KeywordSchema("to", "migrate GUEST to HOST"), ["host"]),
        },
        new("patch", ["host", .. ModelSchema.GuestKinds], "patch HOST or GUEST \"LEVEL\": a new patch level of its OS"),
    ];

    /// <summary>The action of a word, or null.</summary>
    public static ScenarioActionSchema? Action(string word) => Actions.FirstOrDefault(a => a.Word == word);

    /// <summary>What the completion of a metric says.</summary>
    public const string MetricHelp = "what the expectation compares";

    /// <summary>What the completion of a statistic says.</summary>
    public const string StatisticHelp = "a statistic of utilization";

    /// <summary>What the completion of <see cref="SyntaxFacts.MetricWithStatistic"/> after a statistic says.</summary>
    public const string UtilizationHelp = "a host's CPU utilization";

    /// <summary>The kind of an expectation's subject: a host for utilization, else an application.</summary>
    public static string SubjectKind(string metric) => metric == SyntaxFacts.MetricWithStatistic ? "host" : "app";
}
