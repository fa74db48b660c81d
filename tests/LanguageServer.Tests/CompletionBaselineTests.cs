using System.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// Completion in every context the tree gives (a member's start, a base clause, an attribute's value, a list element,
/// a unit, a scenario's actions and targets, an expect statement, a comment, a string): Baselines/Completion/NAME.vdl
/// has the cursor at <c>$0</c>, NAME.txt the items, one per line (label, kind, detail, and what accepting writes).
/// </summary>
public sealed class CompletionBaselineTests
{
    private const string Feature = "Completion";

    public static TheoryData<string> Samples() => FeatureBaselines.Samples(Feature);

    [Theory]
    [MemberData(nameof(Samples))]
    public void CompletionAtTheMarker(string sample)
    {
        var (document, offset, compilation) = FeatureBaselines.Load(Feature, sample);
        var items = CompletionProvider.Complete(document.Tree, offset, compilation.SemanticModel, snippets: true);
        FeatureBaselines.Verify(Feature, sample, Render(items, document.Text));
    }

    private static string Render(IReadOnlyList<CompletionItem> items, Language.Text.SourceText text)
    {
        if (items.Count == 0)
        {
            return "(no items)\n";
        }

        var lines = new StringBuilder();
        foreach (var item in items)
        {
            lines.Append(item.Label).Append(" | ").Append(item.Kind).Append(" | ").Append(item.Detail);
            if (item.InsertText is { } insert)
            {
                lines.Append(" | insert").Append(item.IsSnippet ? " snippet " : " ").Append(insert.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal));
            }

            if (item.Edit is { } edit)
            {
                var start = text.GetLinePosition(edit.Span.Start);
                lines.Append(" | replace ").Append(start.Line).Append(':').Append(start.Column).Append('+').Append(edit.Span.Length).Append(" with ").Append(edit.NewText);
            }

            lines.Append('\n');
        }

        return lines.ToString();
    }
}
