using VirtLang.Language.Syntax;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Completion's typed items, without JSON: the base-clause bug of issue 17 and what each context reads from the schema.</summary>
public sealed class CompletionProviderTests
{
    private const string Catalog = "hardware box {\n  memory = 64GiB\n}\nhost h1 : box {\n}\nscenario day {\n  duration = 1d\n}\n";

    private static IReadOnlyList<CompletionItem> At(string text, bool snippets = false)
    {
        var offset = text.IndexOf(FeatureBaselines.Marker, StringComparison.Ordinal);
        var written = text.Remove(offset, FeatureBaselines.Marker.Length);
        var model = InMemoryCompilation.Of(Catalog).SemanticModel;
        return CompletionProvider.Complete(SyntaxTree.Parse(written), offset, model, snippets);
    }

    /// <summary>Issue 17: after `host x :` completion offered hosts too, which the checker rejects (VDL1004); a host's base is a hardware.</summary>
    [Fact]
    public void AHostsBaseClauseOffersHardwareAndNeverAHost()
    {
        var items = At(Catalog + "host h2 : $0");
        var item = Assert.Single(items);
        Assert.Equal(new CompletionItem("box", CompletionItemKind.Reference, item.Detail), item);
        Assert.Contains("hardware", item.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AScenarioActionsTargetsAreTheSchemasKinds()
    {
        Assert.Equal(["site", "h1"], At(Catalog.Replace("  duration = 1d\n", "  duration = 1d\n  at 2h fail $0\n", StringComparison.Ordinal)).Select(i => i.Label));
        Assert.Equal(["h1"], At(Catalog.Replace("  duration = 1d\n", "  duration = 1d\n  at 2h crash $0\n", StringComparison.Ordinal)).Select(i => i.Label));
        var actions = At(Catalog.Replace("  duration = 1d\n", "  duration = 1d\n  at 2h $0\n", StringComparison.Ordinal));
        Assert.Equal(Compiler.Schema.ScenarioStatementSchema.Actions.Select(a => a.Word), actions.Select(i => i.Label));
        Assert.All(actions, a => Assert.Equal(CompletionItemKind.Keyword, a.Kind));
    }

    [Fact]
    public void AUnitReplacesTheNumberItFollows()
    {
        var text = Catalog.Replace("  memory = 64GiB\n", "  memory = 64GiB\n  disk x {\n    capacity = 12_5G$0\n  }\n", StringComparison.Ordinal);
        var gib = At(text).Single(i => i.Label == "GiB");
        Assert.Equal(CompletionItemKind.Unit, gib.Kind);
        Assert.Equal("12_5GiB", gib.Edit!.NewText);
        Assert.Equal(text.IndexOf("12_5G", StringComparison.Ordinal), gib.Edit.Span.Start);
        Assert.Equal("12_5G".Length, gib.Edit.Span.Length);
    }

    [Fact]
    public void WithSnippetsABlockInsertsItsRequiredAttributes()
    {
        var hypervisor = At(Catalog.Replace("host h1 : box {\n", "host h1 : box {\n  $0\n", StringComparison.Ordinal), snippets: true).Single(i => i.Label == "hypervisor");
        Assert.Equal(CompletionItemKind.Block, hypervisor.Kind);
        Assert.True(hypervisor.IsSnippet);
        Assert.Equal("hypervisor {\n\tkind = $1\n}", hypervisor.InsertText);
    }
}
