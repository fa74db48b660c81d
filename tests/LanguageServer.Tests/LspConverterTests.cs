using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;
using VirtLang.LanguageServer.Protocol;

namespace VirtLang.LanguageServer.Tests;

/// <summary>The one conversion of the features' records to LSP JSON: kinds as LSP numbers, snippets, edits as ranges.</summary>
public sealed class LspConverterTests
{
    [Fact]
    public void ACompletionItemBecomesLspJson()
    {
        var text = SourceText.From("vm a {\n  memory = 64G\n}\n");
        var items = new[]
        {
            new CompletionItem("GiB", CompletionItemKind.Unit, "memory") { FilterText = "64GiB", Edit = new CompletionEdit(new TextSpan(18, 3), "64GiB") },
            new CompletionItem("os", CompletionItemKind.Keyword, "an OS") { InsertText = "os ${1:name} {\n}", IsSnippet = true },
            new CompletionItem("web", CompletionItemKind.Reference, "app `web`"),
        };
        var json = LspConverter.Completion(items, text).ToJsonString();
        Assert.Equal(
            """{"isIncomplete":false,"items":[{"label":"GiB","kind":11,"detail":"memory","filterText":"64GiB","textEdit":{"range":{"start":{"line":1,"character":11},"end":{"line":1,"character":14}},"newText":"64GiB"}},"""
            + """{"label":"os","kind":14,"detail":"an OS","insertText":"os ${1:name} {\n}","insertTextFormat":2},{"label":"web","kind":18,"detail":"app \u0060web\u0060"}]}""",
            json);
    }

    [Fact]
    public void NoHoverAndNoSignatureAreNull()
    {
        Assert.Null(LspConverter.Hover(null, SourceText.From(string.Empty)));
        Assert.Null(LspConverter.SignatureHelp(null));
    }

    [Fact]
    public void AHoverIsMarkdownWithItsRange()
    {
        var json = LspConverter.Hover(new Hover("**x**", new TextSpan(2, 1)), SourceText.From("a\nbc\n"))!.ToJsonString();
        Assert.Equal("""{"contents":{"kind":"markdown","value":"**x**"},"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":1}}}""", json);
    }
}
