using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtLang.Compiler.Schema;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// Writes the VS Code extension's TextMate grammar (editors/vscode/syntaxes/vdl.tmLanguage.json) from the schema: the
/// block kinds (named and unnamed), <c>import</c>, the scenario statements, actions and their words, the expect
/// metrics and statistics, the boolean words and the units. The rest (comments, strings, numbers, punctuation) is the
/// lexer's, written here once. <see cref="TextMateGrammarTests"/> keeps the committed file equal to its output.
/// </summary>
internal static class TextMateGrammarGenerator
{
    private const string Name = "[A-Za-z_][A-Za-z0-9_-]*";
    private const string Number = @"\d[\d_]*(?:\.\d+)?";

    // A number or quantity starts where no word or decimal part is before it.
    private const string NumberStart = @"(?<![A-Za-z0-9_])(?<![0-9]\.)";
    private const string NumberEnd = "(?![A-Za-z0-9_])";

    public static string RelativePath => Path.Combine("editors", "vscode", "syntaxes", "vdl.tmLanguage.json");

    public static string Generate()
    {
        var grammar = new JsonObject
        {
            ["$schema"] = "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
            ["name"] = "VirtLang",
            ["scopeName"] = "source.vdl",
            ["fileTypes"] = new JsonArray("vdl"),
            ["patterns"] = new JsonArray(Include("code")),
            ["repository"] = new JsonObject
            {
                ["code"] = new JsonObject
                {
                    ["patterns"] = new JsonArray([.. new[] { "comments", "strings", "import", "attribute", "named-block", "unnamed-block", "scenario", "call", "quantity", "number", "boolean", "punctuation", "identifier" }.Select(Include)]),
                },
                ["comments"] = Comments(),
                ["strings"] = Strings(),
                ["import"] = Captured($@"\b({ModelSchema.Import.Word})\b", "keyword.control.import.vdl"),
                ["attribute"] = Captured(@"\b([A-Za-z_][A-Za-z0-9_]*)\s*(=)(?!=)", "variable.other.property.vdl", "keyword.operator.assignment.vdl"),
                ["named-block"] = Captured($@"\b({Words(BlockKinds(named: true))})\s+({Name})(?:\s*(:)\s*({Name}))?",
                    "keyword.other.block.vdl", "entity.name.type.vdl", "punctuation.separator.base.vdl", "entity.other.inherited-class.vdl"),
                ["unnamed-block"] = Captured($@"\b({Words(BlockKinds(named: false))})\s*(?=\{{)", "keyword.other.block.vdl"),
                ["scenario"] = new JsonObject { ["patterns"] = Scenario() },
                ["call"] = Captured(@"\b([A-Za-z_][A-Za-z0-9_]*)\s*(?=\()", "support.function.profile.vdl"),
                ["quantity"] = new JsonObject { ["patterns"] = Quantities() },
                ["number"] = new JsonObject { ["name"] = "constant.numeric.vdl", ["match"] = NumberStart + Number + NumberEnd },
                ["boolean"] = new JsonObject { ["name"] = "constant.language.boolean.vdl", ["match"] = $@"\b({Words(ModelSchema.BooleanWords)})\b" },
                ["punctuation"] = Punctuation(),
                ["identifier"] = new JsonObject { ["name"] = "variable.other.vdl", ["match"] = @"\b" + Name },
            },
        };

        var options = new JsonSerializerOptions { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return grammar.ToJsonString(options) + "\n";
    }

    /// <summary>The block kinds that take a name or not: the top-level ones in the language's order, then the others by name.</summary>
    private static IEnumerable<string> BlockKinds(bool named) =>
        ModelSchema.Blocks.Values.Where(b => b.Named == named)
            .OrderBy(b => ModelSchema.TopLevelKinds.Contains(b.Kind) ? ModelSchema.TopLevelKinds.ToList().IndexOf(b.Kind) : int.MaxValue)
            .ThenBy(b => b.Kind, StringComparer.Ordinal)
            .Select(b => b.Kind);

    private static JsonArray Scenario()
    {
        var patterns = new JsonArray(Captured($@"^\s*({ScenarioStatementSchema.At.Word})\b", "keyword.control.at.vdl"));

        // `fail site NAME`: the modifier is a keyword only when a name follows it (`fail site for 2h` fails a host named site).
        foreach (var action in ScenarioStatementSchema.Actions.Where(a => a.Modifier is not null))
        {
            patterns.Add(Captured($@"\b({action.Word})\s+({action.Modifier!.Keyword.Word})\s+(?=[A-Za-z_])(?!{ScenarioStatementSchema.For.Word}\b)",
                "keyword.control.action.vdl", "keyword.control.action.vdl"));
        }

        IEnumerable<string> words =
        [
            .. ScenarioStatementSchema.Actions.Select(a => a.Word),
            ScenarioStatementSchema.For.Word,
            .. ScenarioStatementSchema.Actions.Select(a => a.Destination?.Keyword.Word).OfType<string>(),
        ];
        patterns.Add(new JsonObject { ["name"] = "keyword.control.action.vdl", ["match"] = $@"\b({Words(words.Distinct())})\b" });
        patterns.Add(Captured(
            $@"^\s*({ScenarioStatementSchema.Expect.Word})\s+(?:({Words(SyntaxFacts.ExpectationStatistics)})\s+)?({Words(SyntaxFacts.ExpectationMetrics)})\b",
            "keyword.control.expect.vdl", "support.constant.statistic.vdl", "support.constant.metric.vdl"));
        patterns.Add(new JsonObject { ["name"] = "keyword.operator.comparison.vdl", ["match"] = ">=|<=|>|<" });
        return patterns;
    }

    private static JsonArray Quantities()
    {
        // Longest units first: an alternation takes the first that matches, and `MB/s` must win over `MB`.
        static string UnitsOf(IEnumerable<Unit> units) =>
            Words(units.OrderByDescending(u => u.Symbol.Length).ThenBy(u => u.Symbol, StringComparer.Ordinal).Select(u => u.Symbol));
        var times = UnitsOf(Units.All.Where(u => u.Dimension == Dimension.Time));
        return new JsonArray(
            new JsonObject
            {
                ["name"] = "constant.numeric.quantity.duration.vdl",
                ["match"] = $"{NumberStart}(?:{Number}(?:{times})){{2,}}{NumberEnd}",
            },
            new JsonObject
            {
                ["match"] = $"{NumberStart}({Number})({UnitsOf(Units.All)}){NumberEnd}",
                ["captures"] = new JsonObject
                {
                    ["0"] = new JsonObject { ["name"] = "constant.numeric.quantity.vdl" },
                    ["2"] = new JsonObject { ["name"] = "keyword.other.unit.vdl" },
                },
            });
    }

    private static JsonObject Comments() => new()
    {
        ["patterns"] = new JsonArray(
            new JsonObject { ["name"] = "comment.line.double-slash.vdl", ["match"] = "//.*$" },
            new JsonObject
            {
                ["name"] = "comment.block.vdl",
                ["begin"] = @"/\*",
                ["end"] = @"\*/",
                ["beginCaptures"] = new JsonObject { ["0"] = new JsonObject { ["name"] = "punctuation.definition.comment.begin.vdl" } },
                ["endCaptures"] = new JsonObject { ["0"] = new JsonObject { ["name"] = "punctuation.definition.comment.end.vdl" } },
            }),
    };

    private static JsonObject Strings() => new()
    {
        ["name"] = "string.quoted.double.vdl",
        ["begin"] = "\"",
        ["end"] = "\"|$",
        ["beginCaptures"] = new JsonObject { ["0"] = new JsonObject { ["name"] = "punctuation.definition.string.begin.vdl" } },
        ["endCaptures"] = new JsonObject { ["0"] = new JsonObject { ["name"] = "punctuation.definition.string.end.vdl" } },
        ["patterns"] = new JsonArray(new JsonObject { ["name"] = "constant.character.escape.vdl", ["match"] = @"\\(?:[""\\nrt]|u[0-9A-Fa-f]{4})" }),
    };

    private static JsonObject Punctuation() => new()
    {
        ["patterns"] = new JsonArray([.. new (string Scope, string Match)[]
        {
            ("punctuation.section.block.begin.vdl", @"\{"),
            ("punctuation.section.block.end.vdl", @"\}"),
            ("punctuation.section.brackets.begin.vdl", @"\["),
            ("punctuation.section.brackets.end.vdl", @"\]"),
            ("punctuation.section.parens.begin.vdl", @"\("),
            ("punctuation.section.parens.end.vdl", @"\)"),
            ("punctuation.separator.comma.vdl", ","),
            ("punctuation.separator.colon.vdl", ":"),
            ("punctuation.terminator.vdl", ";"),
            ("keyword.operator.range.vdl", @"\.\."),
            ("keyword.operator.minus.vdl", "-"),
            ("keyword.operator.assignment.vdl", "="),
        }.Select(p => (JsonNode)new JsonObject { ["name"] = p.Scope, ["match"] = p.Match })]),
    };

    private static JsonObject Include(string name) => new() { ["include"] = "#" + name };

    /// <summary>A match whose groups 1, 2... get the scopes, in order.</summary>
    private static JsonObject Captured(string match, params string[] scopes)
    {
        var captures = new JsonObject();
        for (var i = 0; i < scopes.Length; i++)
        {
            captures[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["name"] = scopes[i] };
        }

        return new JsonObject { ["match"] = match, ["captures"] = captures };
    }

    /// <summary>Words as a regular expression's alternatives; none of the schema's words holds a character special to it but `/`, which is not.</summary>
    private static string Words(IEnumerable<string> words) => string.Join("|", words);
}
