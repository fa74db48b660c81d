using VirtLang.LanguageServer.Features;
using VirtLang.LanguageServer.Protocol;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Rename's typed results: what would be renamed, and the edits of every reference, copies' names included.</summary>
public sealed class RenameProviderTests
{
    private const string Text = "hardware box {\n  memory = 64GiB\n}\nhost h1 : box {\n}\n";

    [Fact]
    public void PrepareNamesTheDeclaredNameUnderTheCursorAndNothingElse()
    {
        var model = new OpenedModel(Text);
        var target = RenameProvider.Prepare(model.Document, model.OffsetOf(": box", 3), model.Compilation);
        Assert.NotNull(target);
        Assert.Equal("box", target.Placeholder);
        Assert.Equal(model.OffsetOf(": box", 2), target.Span.Start);
        Assert.Equal(3, target.Span.Length);

        Assert.Null(RenameProvider.Prepare(model.Document, model.OffsetOf("memory"), model.Compilation));
    }

    [Fact]
    public void RenameEditsTheDeclarationAndEachReferenceInTextOrder()
    {
        var model = new OpenedModel(Text);
        var edit = RenameProvider.Rename(model.Workspace, model.Document, model.OffsetOf("box"), "rack");
        var document = Assert.Single(edit.Documents);
        Assert.Equal("file:///models/lab.vdl", document.Uri);
        Assert.Equal([(model.OffsetOf("box"), "rack"), (model.OffsetOf(": box", 2), "rack")], document.Edits.Select(e => (e.Location.Span.Start, e.NewText)));

        var taken = Assert.Throws<LspException>(() => RenameProvider.Rename(model.Workspace, model.Document, model.OffsetOf("box"), "h1"));
        Assert.Contains("already declared", taken.Message, StringComparison.Ordinal);
    }
}
