using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VirtLang.Compiler;
using VirtLang.Compiler.Semantics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;
using ValueType = VirtLang.Compiler.Semantics.ValueType;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// What may be written at the cursor: block kinds at a member's start (at top level, or the children the enclosing
/// block allows) with the attributes of that block not yet written (and their types); after <c>name =</c>, the
/// values of the attribute's type (enum words, names of the kinds it references, profile functions, units after a
/// number); after <c>kind name :</c>, the possible bases; in a scenario, <c>at</c>, the actions and their targets.
/// Reads the line as typed (the tree may not hold half-written code) and names from the last compiled model, so
/// it never waits for a check.
/// </summary>
internal static partial class CompletionProvider
{
    // LSP CompletionItemKind values.
    private const int Function = 3;
    private const int Property = 10;
    private const int UnitKind = 11;
    private const int Keyword = 14;
    private const int Reference = 18;
    private const int EnumMember = 20;
    private const int Module = 9;
    private const int Snippet = 2; // InsertTextFormat

    /// <param name="snippets">Whether the client takes snippets: then a block kind inserts its name, braces and required attributes.</param>
    public static JsonObject Complete(OpenDocument document, int offset, SemanticModel? model, bool snippets = false)
    {
        var text = document.Text;
        var lineStart = text.GetOffset(new Language.Text.LinePosition(text.GetLinePosition(offset).Line, 1));
        var line = text.Text[lineStart..offset];
        var word = TrailingWord().Match(line);
        var before = line[..word.Index];
        var block = SyntaxNavigation.EnclosingBlock(document.Tree.Root, offset);
        var items = new JsonArray();

        if (IsCommentOrString(line))
        {
            return Result(items);
        }

        var trimmed = before.Trim();
        if (trimmed.Length == 0)
        {
            MemberStart(items, block, snippets);
        }
        else if (AttributeValue().Match(before) is { Success: true } attribute && block is not null
                 && ModelSchema.Blocks.TryGetValue(block.KindName, out var schema)
                 && schema.Attributes.TryGetValue(attribute.Groups["name"].Value, out var attributeSchema))
        {
            var value = attribute.Groups["value"].Value;
            Values(items, attributeSchema.Type, value, word.Value, new Language.Text.TextSpan(lineStart + word.Index, offset - lineStart - word.Index), text, model);
        }
        else if (BaseClause().Match(before) is { Success: true } header)
        {
            var kind = header.Groups["kind"].Value;
            Names(items, model, [ModelSchema.BaseKindOf(kind)]);
        }
        else if (block?.KindName == "scenario" && ScenarioStatement().Match(before) is { Success: true } statement)
        {
            Statement(items, statement, model);
        }
        else if (block?.KindName == "scenario" && ExpectStatement().Match(before) is { Success: true } expect)
        {
            Expectation(items, expect, model);
        }

        return Result(items);
    }

    private static void MemberStart(JsonArray items, BlockSyntax? block, bool snippets)
    {
        if (block is null)
        {
            foreach (var kind in ModelSchema.TopLevelKinds)
            {
                var help = ModelSchema.Blocks.TryGetValue(kind, out var s) ? s.Help : string.Empty;
                items.Add(WithBlockSnippet(Item(kind, Keyword, help), kind, snippets));
            }

            var import = Item("import", Keyword, "another file of the same model");
            if (snippets)
            {
                import["insertText"] = "import \"$1\"";
                import["insertTextFormat"] = Snippet;
            }

            items.Add(import);
            return;
        }

        if (!ModelSchema.Blocks.TryGetValue(block.KindName, out var schema))
        {
            return;
        }

        var written = block.Attributes.Select(a => a.Name.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var attribute in schema.Attributes.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (written.Contains(attribute.Name))
            {
                continue;
            }

            var item = Item(attribute.Name, Property, (attribute.Required ? "required: " : string.Empty) + attribute.Type.Description);
            item["insertText"] = attribute.Name + " = ";
            item["documentation"] = attribute.Help;
            item["sortText"] = (attribute.Required ? "0" : "1") + attribute.Name;
            items.Add(item);
        }

        foreach (var (kind, _) in schema.Children.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var help = ModelSchema.Blocks.TryGetValue(kind, out var child) ? child.Help : string.Empty;
            var item = Item(kind, Module, help.Length > 0 ? help : $"a `{kind}` block");
            item["sortText"] = "2" + kind;
            items.Add(WithBlockSnippet(item, kind, snippets));
        }

        if (block.KindName == "scenario")
        {
            items.Add(Item("at", Keyword, "at TIME[..TIME] ACTION: an event of the scenario"));
            items.Add(Item("expect", Keyword, "expect [p95|mean|max] METRIC SUBJECT OP VALUE: what the run must show"));
        }
    }

    /// <summary>After `expect`: a metric or a statistic; after a statistic: utilization; after a metric: its subjects.</summary>
    private static void Expectation(JsonArray items, Match expect, SemanticModel? model)
    {
        var metric = expect.Groups["metric"].Value;
        if (metric.Length > 0)
        {
            Names(items, model, metric == SyntaxFacts.MetricWithStatistic ? ["host"] : ["app"]);
            return;
        }

        if (expect.Groups["statistic"].Success)
        {
            items.Add(Item(SyntaxFacts.MetricWithStatistic, Keyword, "a host's CPU utilization"));
            return;
        }

        foreach (var word in SyntaxFacts.ExpectationMetrics)
        {
            items.Add(Item(word, Keyword, "what the expectation compares"));
        }

        foreach (var word in SyntaxFacts.ExpectationStatistics)
        {
            items.Add(Item(word, Keyword, "a statistic of utilization"));
        }
    }

    private static void Values(JsonArray items, ValueType type, string value, string word, Language.Text.TextSpan wordSpan, Language.Text.SourceText text, SemanticModel? model)
    {
        if (type is ListType list)
        {
            if (value.Contains('[', StringComparison.Ordinal))
            {
                Values(items, list.Element, string.Empty, word, wordSpan, text, model);
            }

            return;
        }

        switch (type)
        {
            case EnumType words:
                foreach (var w in words.Words)
                {
                    items.Add(Item(w, EnumMember, type.Description));
                }

                break;
            case ReferenceType reference:
                Names(items, model, reference.Kinds);
                break;
            case CallType call:
                foreach (var f in call.Functions)
                {
                    var item = Item(f, Function, "a profile");
                    item["insertText"] = f + "(";
                    items.Add(item);
                }

                break;
            case QuantityType quantity when NumberThenUnit().Match(word) is { Success: true } number:
                // The unit goes right after the number; the item replaces the whole "64G" so the client's filter matches.
                foreach (var unit in Units.All.Where(u => u.Dimension == quantity.Dimension))
                {
                    var item = Item(unit.Symbol, UnitKind, quantity.Dimension.ToString().ToLowerInvariant());
                    item["filterText"] = number.Groups["number"].Value + unit.Symbol;
                    item["textEdit"] = new JsonObject
                    {
                        ["range"] = Positions.Range(text, wordSpan),
                        ["newText"] = number.Groups["number"].Value + unit.Symbol,
                    };
                    items.Add(item);
                }

                break;
        }
    }

    private static void Statement(JsonArray items, Match statement, SemanticModel? model)
    {
        var action = statement.Groups["action"].Value;
        var target = statement.Groups["target"].Value;
        if (action.Length == 0)
        {
            foreach (var a in new[] { "scale", "fail", "crash", "migrate", "patch" })
            {
                items.Add(Item(a, Keyword, "a scenario action"));
            }

            return;
        }

        if (action == "migrate" && target.Length > 0)
        {
            if (!statement.Groups["to"].Success)
            {
                items.Add(Item("to", Keyword, "migrate GUEST to HOST"));
            }
            else
            {
                Names(items, model, ["host"]);
            }

            return;
        }

        if (action == "fail" && target == "site")
        {
            Names(items, model, ["site"]);
            return;
        }

        if (target.Length > 0)
        {
            return;
        }

        if (action == "fail")
        {
            items.Add(Item("site", Keyword, "fail site SITE: every host of the site"));
        }

        Names(items, model, action switch
        {
            "scale" => ["app"],
            "fail" => ["host"],
            "migrate" => ["vm", "container"],
            _ => ["host", "vm", "container"],
        });
    }

    /// <summary>The names of every symbol of the kinds, copies made by <c>count</c> included when they are few.</summary>
    private static void Names(JsonArray items, SemanticModel? model, IReadOnlyList<string> kinds)
    {
        if (model is null)
        {
            return;
        }

        IEnumerable<ModelSymbol> all = [.. model.OperatingSystems, .. model.Hardware, .. model.Applications, .. model.Hosts, .. model.Guests, .. model.Clusters, .. model.Sites, .. model.Scenarios];
        foreach (var symbol in all.Where(s => kinds.Contains(s.Kind)))
        {
            items.Add(Item(symbol.Name, Reference, symbol.Display));
            if (symbol.Copies is > 1 and <= 20)
            {
                for (var k = 1; k <= symbol.Copies; k++)
                {
                    items.Add(Item($"{symbol.Name}-{k}", Reference, $"copy {k} of {symbol.Kind} `{symbol.Name}`"));
                }
            }
        }
    }

    private static bool IsCommentOrString(string line)
    {
        var quotes = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"' && (i == 0 || line[i - 1] != '\\'))
            {
                quotes++;
            }
            else if (quotes % 2 == 0 && line[i] == '/' && i + 1 < line.Length && line[i + 1] is '/' or '*')
            {
                return true;
            }
        }

        return quotes % 2 == 1;
    }

    /// <summary>
    /// With snippets, a block kind inserts the whole block: a placeholder for its name if it has one, the braces, and a
    /// tab stop for each required attribute (<c>os ${1:name} {\n\tfamily = $2\n}</c>); the client indents it.
    /// </summary>
    private static JsonObject WithBlockSnippet(JsonObject item, string kind, bool snippets)
    {
        if (!snippets || !ModelSchema.Blocks.TryGetValue(kind, out var schema))
        {
            return item;
        }

        var snippet = new StringBuilder(kind);
        var stop = 1;
        if (schema.Named)
        {
            snippet.Append(" ${").Append(stop++).Append(":name}");
        }

        snippet.Append(" {\n");
        foreach (var required in schema.RequiredAttributes)
        {
            snippet.Append('\t').Append(required.Name).Append(" = $").Append(stop++).Append('\n');
        }

        if (schema.RequiredAttributes.Count == 0)
        {
            snippet.Append("\t$0\n");
        }

        item["insertText"] = snippet.Append('}').ToString();
        item["insertTextFormat"] = Snippet;
        return item;
    }

    private static JsonObject Item(string label, int kind, string detail) => new() { ["label"] = label, ["kind"] = kind, ["detail"] = detail };

    private static JsonObject Result(JsonArray items) => new() { ["isIncomplete"] = false, ["items"] = items };

    [GeneratedRegex(@"[A-Za-z0-9_\-/%]*$")]
    private static partial Regex TrailingWord();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<value>.*)$")]
    private static partial Regex AttributeValue();

    [GeneratedRegex(@"^\s*(?<kind>[a-z]+)\s+[A-Za-z_][A-Za-z0-9_\-]*\s*:\s*$")]
    private static partial Regex BaseClause();

    [GeneratedRegex(@"^\s*at\s+\S+(\s*\.\.\s*\S+)?\s+((?<action>scale|fail|crash|migrate|patch)\s+((?<target>[A-Za-z_][A-Za-z0-9_\-]*)\s+((?<to>to)\s+)?)?)?$")]
    private static partial Regex ScenarioStatement();

    [GeneratedRegex(@"^\s*expect\s+((?<statistic>p95|mean|max)\s+)?((?<metric>availability|served|downtime|slowdown|utilization)\s+)?$")]
    private static partial Regex ExpectStatement();

    [GeneratedRegex(@"^(?<number>[0-9][0-9_]*(\.[0-9]+)?)[A-Za-z/%]*$")]
    private static partial Regex NumberThenUnit();
}
