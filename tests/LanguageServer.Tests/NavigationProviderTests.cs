using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Navigation's typed results: the declaration, the references, and the highlights that tell a declaration from a use.</summary>
public sealed class NavigationProviderTests
{
    private const string Text = "hardware box {\n  memory = 64GiB\n}\nhost h1 : box {\n}\nhost h2 : box {\n}\n";

    [Fact]
    public void DefinitionAndReferencesAreLocationsOfTheName()
    {
        var model = new OpenedModel(Text);
        var use = model.OffsetOf("box {\n}", 1);

        var definition = NavigationProvider.Definition(model.Document, use, model.Compilation);
        Assert.NotNull(definition);
        Assert.Equal(model.OffsetOf("box"), definition.Value.Span.Start);

        var references = NavigationProvider.References(model.Workspace, model.Document, use, includeDeclaration: true);
        Assert.Equal(3, references.Count);
        Assert.All(references, r => Assert.Equal("box", r.Source.ToString(r.Span)));
        Assert.Equal(2, NavigationProvider.References(model.Workspace, model.Document, use, includeDeclaration: false).Count);

        Assert.Null(NavigationProvider.Definition(model.Document, model.OffsetOf("memory"), model.Compilation));
        Assert.Empty(NavigationProvider.References(model.Workspace, model.Document, model.OffsetOf("memory"), includeDeclaration: true));
    }

    [Fact]
    public void TheDeclarationIsHighlightedAsSuchAndEachUseAsAUse()
    {
        var model = new OpenedModel(Text);
        var highlights = NavigationProvider.Highlights(model.Document, model.OffsetOf("box", 1), model.Compilation);
        Assert.Equal([true, false, false], highlights.Select(h => h.IsDeclaration));
        Assert.Equal([model.OffsetOf("box"), model.OffsetOf(": box", 2), model.Document.Text.Text.LastIndexOf("box", StringComparison.Ordinal)], highlights.Select(h => h.Location.Span.Start));
        Assert.Empty(NavigationProvider.Highlights(model.Document, model.OffsetOf("64GiB"), model.Compilation));
    }
}
