using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Formatting's typed result: one edit of the text between the first and last characters that differ, or none.</summary>
public sealed class FormattingProviderTests
{
    [Fact]
    public void OnlyWhatDiffersIsReplacedAndAFormattedDocumentHasNoEdits()
    {
        var model = new OpenedModel("os rhel8 {\n  family    = linux\n}\n");
        var edit = Assert.Single(FormattingProvider.Format(model.Document));
        Assert.Equal("/models/lab.vdl", edit.Location.Path);
        var text = model.Document.Text.Text;
        var formatted = text[..edit.Location.Span.Start] + edit.NewText + text[edit.Location.Span.End..];
        Assert.Equal("os rhel8 {\n  family = linux\n}\n", formatted);
        Assert.True(edit.Location.Span.Length < text.Length);

        Assert.Empty(FormattingProvider.Format(new OpenedModel(formatted).Document));
    }
}
