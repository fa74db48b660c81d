using System.Text;
using System.Text.RegularExpressions;
using VirtLang.Compiler;
using VirtLang.Compiler.Schema;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using ValueType = VirtLang.Compiler.Schema.ValueType;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// What may be written at the cursor, in the context the tree gives (<see cref="CompletionContextFinder"/>), from the
/// schema alone (<see cref="ModelSchema"/>, <see cref="ScenarioStatementSchema"/>, <see cref="Units"/>) and the names of
/// the last compiled model (so it never waits for a check): block kinds at a member's start (at top level, or the
/// children the enclosing block allows) with the attributes of that block not yet written; after <c>name =</c>, the
/// values of the attribute's type (enum words, names of the kinds it references, profile functions, units after a
/// number); after <c>kind name :</c>, the names of the block's base kind; in a scenario, <c>at</c>, the actions and their
/// targets, and <c>expect</c> with its words.
/// </summary>
internal static partial class CompletionProvider
{
    /// <param name="snippets">Whether the client takes snippets: then a block kind inserts its name, braces and required attributes.</param>
    public static IReadOnlyList<CompletionItem> Complete(SyntaxTree tree, int offset, SemanticModel? model, bool snippets = false)
    {
        var items = new List<CompletionItem>();
        switch (CompletionContextFinder.Find(tree, offset))
        {
            case CompletionContext.MemberStart start:
                MemberStart(items, start.Block, snippets);
                break;
            case CompletionContext.BaseClause clause:
                // What the checker accepts: a declaration of the base kind (a host's is a hardware), not the block itself (VDL1005).
                Names(items, model, [ModelSchema.BaseKindOf(clause.BlockKind)]);
                items.RemoveAll(i => i.Label == clause.OwnName);
                break;
            case CompletionContext.AttributeValue value
                when ModelSchema.Blocks.TryGetValue(value.Block.KindName, out var schema) && schema.Attributes.TryGetValue(value.Attribute.Name.Text, out var attribute):
                var type = attribute.Type;
                if (type is ListType list)
                {
                    if (!value.InList)
                    {
                        break; // a list's values start with `[`
                    }

                    type = list.Element;
                }

                Values(items, type, tree.Text, value.Word, model);
                break;
            case CompletionContext.ScenarioAction:
                items.AddRange(ScenarioStatementSchema.Actions.Select(a => new CompletionItem(a.Word, CompletionItemKind.Keyword, "a scenario action") { Documentation = a.Help }));
                break;
            case CompletionContext.ActionTarget target when ScenarioStatementSchema.Action(target.Action) is { } action:
                if (action.Modifier is { } before)
                {
                    items.Add(Keyword(before.Keyword));
                }

                Names(items, model, action.TargetKinds);
                break;
            case CompletionContext.ModifiedTarget target when ScenarioStatementSchema.Action(target.Action)?.Modifier is { } modifier:
                Names(items, model, modifier.Kinds);
                break;
            case CompletionContext.DestinationKeyword target when ScenarioStatementSchema.Action(target.Action)?.Destination is { } destination:
                items.Add(Keyword(destination.Keyword));
                break;
            case CompletionContext.Destination target when ScenarioStatementSchema.Action(target.Action)?.Destination is { } destination:
                Names(items, model, destination.Kinds);
                break;
            case CompletionContext.Expectation expectation:
                Expectation(items, expectation.Words, model);
                break;
        }

        return items;
    }

    private static void MemberStart(List<CompletionItem> items, BlockSyntax? block, bool snippets)
    {
        if (block is null)
        {
            foreach (var kind in ModelSchema.TopLevelKinds)
            {
                var help = ModelSchema.Blocks.TryGetValue(kind, out var s) ? s.Help : string.Empty;
                items.Add(WithBlockSnippet(new CompletionItem(kind, CompletionItemKind.Keyword, help), kind, snippets));
            }

            var import = Keyword(ModelSchema.Import);
            items.Add(snippets ? import with { InsertText = ModelSchema.Import.Word + " \"$1\"", IsSnippet = true } : import);
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

            items.Add(new CompletionItem(attribute.Name, CompletionItemKind.Attribute, (attribute.Required ? "required: " : string.Empty) + attribute.Type.Description)
            {
                InsertText = attribute.Name + " = ",
                Documentation = attribute.Help,
                SortText = (attribute.Required ? "0" : "1") + attribute.Name,
            });
        }

        foreach (var (kind, _) in schema.Children.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var help = ModelSchema.Blocks.TryGetValue(kind, out var child) ? child.Help : string.Empty;
            var item = new CompletionItem(kind, CompletionItemKind.Block, help.Length > 0 ? help : $"a `{kind}` block") { SortText = "2" + kind };
            items.Add(WithBlockSnippet(item, kind, snippets));
        }

        if (block.KindName == ScenarioStatementSchema.BlockKind)
        {
            items.Add(Keyword(ScenarioStatementSchema.At));
            items.Add(Keyword(ScenarioStatementSchema.Expect));
        }
    }

    /// <summary>After `expect`: a metric or a statistic; after a statistic: utilization; after a metric: its subjects.</summary>
    private static void Expectation(List<CompletionItem> items, IReadOnlyList<string> words, SemanticModel? model)
    {
        static bool IsStatistic(string word) => SyntaxFacts.ExpectationStatistics.Contains(word) && !SyntaxFacts.ExpectationMetrics.Contains(word);
        switch (words)
        {
            case []:
                items.AddRange(SyntaxFacts.ExpectationMetrics.Select(w => new CompletionItem(w, CompletionItemKind.Keyword, ScenarioStatementSchema.MetricHelp)));
                items.AddRange(SyntaxFacts.ExpectationStatistics.Select(w => new CompletionItem(w, CompletionItemKind.Keyword, ScenarioStatementSchema.StatisticHelp)));
                break;
            case [var statistic] when IsStatistic(statistic):
                items.Add(new CompletionItem(SyntaxFacts.MetricWithStatistic, CompletionItemKind.Keyword, ScenarioStatementSchema.UtilizationHelp));
                break;
            case [.., var metric] when words.Count <= 2 && SyntaxFacts.ExpectationMetrics.Contains(metric) && (words.Count == 1 || IsStatistic(words[0])):
                Names(items, model, [ScenarioStatementSchema.SubjectKind(metric)]);
                break;
        }
    }

    private static void Values(List<CompletionItem> items, ValueType type, SourceText text, TextSpan word, SemanticModel? model)
    {
        switch (type)
        {
            case EnumType words:
                items.AddRange(words.Words.Select(w => new CompletionItem(w, CompletionItemKind.EnumWord, type.Description)));
                break;
            case ReferenceType reference:
                Names(items, model, reference.Kinds);
                break;
            case CallType call:
                items.AddRange(call.Functions.Select(f => new CompletionItem(f, CompletionItemKind.Function, "a profile") { InsertText = f + "(" }));
                break;
            case QuantityType quantity when NumberThenUnit().Match(text.ToString(word)) is { Success: true } typed:
                // The unit goes right after the number; the item replaces the whole "64G" so the client's filter matches.
                var number = typed.Groups["number"].Value;
                foreach (var unit in Units.All.Where(u => u.Dimension == quantity.Dimension))
                {
                    items.Add(new CompletionItem(unit.Symbol, CompletionItemKind.Unit, quantity.Dimension.ToString().ToLowerInvariant())
                    {
                        FilterText = number + unit.Symbol,
                        Edit = new CompletionEdit(word, number + unit.Symbol),
                    });
                }

                break;
        }
    }

    /// <summary>The names of every symbol of the kinds, copies made by <c>count</c> included when they are few.</summary>
    private static void Names(List<CompletionItem> items, SemanticModel? model, IReadOnlyList<string> kinds)
    {
        if (model is null)
        {
            return;
        }

        IEnumerable<ModelSymbol> all = [.. model.OperatingSystems, .. model.Hardware, .. model.Applications, .. model.Hosts, .. model.Guests, .. model.Clusters, .. model.Sites, .. model.Scenarios];
        foreach (var symbol in all.Where(s => kinds.Contains(s.Kind)))
        {
            items.Add(new CompletionItem(symbol.Name, CompletionItemKind.Reference, symbol.Display));
            if (symbol.Copies is > 1 and <= 20)
            {
                for (var k = 1; k <= symbol.Copies; k++)
                {
                    items.Add(new CompletionItem($"{symbol.Name}-{k}", CompletionItemKind.Reference, $"copy {k} of {symbol.Kind} `{symbol.Name}`"));
                }
            }
        }
    }

    private static CompletionItem Keyword(KeywordSchema keyword) => new(keyword.Word, CompletionItemKind.Keyword, keyword.Help);

    /// <summary>
    /// With snippets, a block kind inserts the whole block: a placeholder for its name if it has one, the braces, and a
    /// tab stop for each required attribute (<c>os ${1:name} {\n\tfamily = $2\n}</c>); the client indents it.
    /// </summary>
    private static CompletionItem WithBlockSnippet(CompletionItem item, string kind, bool snippets)
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

        return item with { InsertText = snippet.Append('}').ToString(), IsSnippet = true };
    }

    /// <summary>A number being typed with the start of its unit (<c>64G</c>): the number is kept, the unit completed.</summary>
    [GeneratedRegex(@"^(?<number>[0-9][0-9_]*(\.[0-9]+)?)[A-Za-z/%]*$")]
    private static partial Regex NumberThenUnit();
}
