using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>Code actions' typed result: the compiler's fixes first (preferred when alone), then silencing a warning or an advice.</summary>
public sealed class CodeActionProviderTests
{
    [Fact]
    public void ADidYouMeanFixComesBeforeSilencingAndAnErrorIsNotSilenced()
    {
        var model = new OpenedModel("os solo {\n  family = linux\n}\nhardware box {\n  memroy = 64GiB\n}\n");
        var actions = CodeActionProvider.Actions(model.Document, new TextSpan(0, model.Document.Text.Length), model.Compilation);

        var fix = actions[0];
        Assert.True(fix.IsPreferred);
        Assert.True(fix.Diagnostic.IsError);
        var edits = Assert.Single(fix.Edit.Documents);
        var edit = Assert.Single(edits.Edits);
        Assert.Equal(("memroy", "memory"), (model.TextOf(edit.Location.Span), edit.NewText));

        // Both blocks are unused (advice VDL5004): each line's silencing, after the fix, in the order of the diagnostics.
        Assert.Equal(["Change to `memory`", "Silence VDL5004 on this line (// vdl-disable-next-line)", "Silence VDL5004 on this line (// vdl-disable-next-line)"], actions.Select(a => a.Title));
        var silence = actions[1];
        Assert.False(silence.Diagnostic.IsError);
        Assert.Null(silence.IsPreferred);
        var comment = Assert.Single(Assert.Single(silence.Edit.Documents).Edits);
        Assert.Equal($"// vdl-disable-next-line {silence.Diagnostic.Code}\n", comment.NewText);
        Assert.Equal(0, comment.Location.Span.Start);
        Assert.Equal(OpenedModel.Uri, silence.Edit.Documents[0].Uri);
        Assert.Equal(model.OffsetOf("hardware"), actions[2].Edit.Documents[0].Edits[0].Location.Span.Start);

        // Only the diagnostics in the range.
        Assert.DoesNotContain(CodeActionProvider.Actions(model.Document, new TextSpan(0, 3), model.Compilation), a => a.Diagnostic.IsError);
    }
}
