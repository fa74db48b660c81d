using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;
using VirtLang.LanguageServer.Protocol;

namespace VirtLang.LanguageServer.Tests;

/// <summary>The one conversion of the features' records to LSP JSON: kinds as LSP numbers, snippets, edits as ranges, optional fields left out.</summary>
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

    // "a\nbc\n": offset 2 is line 1, character 0.
    private static readonly SourceText Text = SourceText.From("a\nbc\n", "/m/a.vdl");

    private const string Line1 = """{"start":{"line":1,"character":0},"end":{"line":1,"character":2}}""";

    [Fact]
    public void AnAttributeSymbolHasNoChildrenAndABlockAlwaysHasThem()
    {
        var attribute = new DocumentSymbol("memory", "64GiB", SymbolKind.Attribute, new TextSpan(2, 2), new TextSpan(2, 2));
        var block = new DocumentSymbol("box", "hardware", SymbolKind.Hardware, new TextSpan(0, 1), new TextSpan(0, 1)) { Children = [attribute] };
        var empty = new DocumentSymbol("h1", "host : box", SymbolKind.Host, new TextSpan(0, 1), new TextSpan(0, 1)) { Children = [] };
        var range0 = """{"start":{"line":0,"character":0},"end":{"line":0,"character":1}}""";
        Assert.Equal(
            $$"""[{"name":"box","detail":"hardware","kind":23,"range":{{range0}},"selectionRange":{{range0}},"children":[{"name":"memory","detail":"64GiB","kind":7,"range":{{Line1}},"selectionRange":{{Line1}}}]},"""
            + $$"""{"name":"h1","detail":"host : box","kind":5,"range":{{range0}},"selectionRange":{{range0}},"children":[]}]""",
            LspConverter.DocumentSymbols([block, empty], Text).ToJsonString());
    }

    [Theory]
    [InlineData((int)SymbolKind.Application, 2)]
    [InlineData((int)SymbolKind.Cluster, 3)]
    [InlineData((int)SymbolKind.OperatingSystem, 4)]
    [InlineData((int)SymbolKind.Host, 5)]
    [InlineData((int)SymbolKind.Guest, 19)]
    [InlineData((int)SymbolKind.OtherBlock, 19)]
    [InlineData((int)SymbolKind.Hardware, 23)]
    [InlineData((int)SymbolKind.Scenario, 24)]
    public void AWorkspaceSymbolHasItsLspKindItsLocationAndItsContainerOnlyWhenInOne(int symbolKind, int lspKind)
    {
        var kind = (SymbolKind)symbolKind;
        var location = new Location(Text, new TextSpan(2, 2));
        Assert.Equal(
            $$$"""[{"name":"x","kind":{{{lspKind}}},"location":{"uri":"file:///m/a.vdl","range":{{{Line1}}}},"containerName":"host h1"},{"name":"y","kind":{{{lspKind}}},"location":{"uri":"file:///m/a.vdl","range":{{{Line1}}}}}]""",
            LspConverter.WorkspaceSymbols([new WorkspaceSymbol("x", kind, location, "host h1"), new WorkspaceSymbol("y", kind, location, null)]).ToJsonString());
    }

    [Fact]
    public void FoldingRangesSayTheirKindOnlyForCommentsAndRegions()
    {
        Assert.Equal(
            """[{"startLine":0,"endLine":4,"kind":"region"},{"startLine":1,"endLine":2,"kind":"comment"},{"startLine":3,"endLine":4}]""",
            LspConverter.FoldingRanges([new FoldingRange(0, 4, FoldingRangeKind.Region), new FoldingRange(1, 2, FoldingRangeKind.Comment), new FoldingRange(3, 4, null)]).ToJsonString());
    }

    [Fact]
    public void AnInlayHintIsAParameterHintPaddedOnItsRight()
    {
        Assert.Equal(
            """[{"position":{"line":1,"character":1},"label":"base:","kind":2,"paddingRight":true,"tooltip":"the level"}]""",
            LspConverter.InlayHints([new InlayHint(3, "base:", "the level")], Text).ToJsonString());
    }

    [Fact]
    public void SemanticTokensAreRelativeToThePreviousTokenAndTheLegendFollowsTheTypes()
    {
        var text = SourceText.From("os a {\n  family = linux\n}\n");
        SemanticToken[] tokens =
        [
            new(new TextSpan(0, 2), SemanticTokenType.Keyword, false),
            new(new TextSpan(3, 1), SemanticTokenType.Class, true),
            new(new TextSpan(9, 6), SemanticTokenType.Property, false),
            new(new TextSpan(18, 5), SemanticTokenType.EnumMember, false),
        ];

        // line delta, character (relative on the same line), length, type, modifiers
        Assert.Equal("""{"data":[0,0,2,0,0,0,3,1,1,1,1,2,6,3,0,0,9,5,6,0]}""", LspConverter.SemanticTokens(tokens, text).ToJsonString());
        Assert.Equal(["keyword", "class", "type", "property", "function", "variable", "enumMember", "number", "string"], LspConverter.SemanticTokenTypes);
        Assert.Equal(["declaration"], LspConverter.SemanticTokenModifiers);
    }

    [Fact]
    public void LocationsAndHighlightsAndNoDefinition()
    {
        var location = new Location(Text, new TextSpan(2, 2));
        var json = $$"""{"uri":"file:///m/a.vdl","range":{{Line1}}}""";
        Assert.Equal(json, LspConverter.Location(location)!.ToJsonString());
        Assert.Null(LspConverter.Location(null));
        Assert.Equal($"[{json},{json}]", LspConverter.Locations([location, location]).ToJsonString());
        Assert.Equal(
            $$"""[{"range":{{Line1}},"kind":3},{"range":{{Line1}},"kind":2}]""",
            LspConverter.DocumentHighlights([new DocumentHighlight(location, IsDeclaration: true), new DocumentHighlight(location, IsDeclaration: false)]).ToJsonString());
    }

    [Fact]
    public void ASelectionRangeNestsItsParentsAndTheOutermostHasNone()
    {
        var range = new SelectionRange(new TextSpan(2, 1), new SelectionRange(new TextSpan(0, 5), null));
        Assert.Equal(
            """[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":1}},"parent":{"range":{"start":{"line":0,"character":0},"end":{"line":2,"character":0}}}}]""",
            LspConverter.SelectionRanges([range], Text).ToJsonString());
    }

    [Fact]
    public void EditsAndRenameTargets()
    {
        var edit = new TextEdit(new Location(Text, new TextSpan(2, 2)), "xy");
        var edits = $$"""[{"range":{{Line1}},"newText":"xy"}]""";
        Assert.Equal(edits, LspConverter.TextEdits([edit]).ToJsonString());
        Assert.Equal(
            $$$"""{"changes":{"file:///m/a.vdl":{{{edits}}},"file:///m/b.vdl":[]}}""",
            LspConverter.WorkspaceEdit(new WorkspaceEdit([new DocumentEdits("file:///m/a.vdl", [edit]), new DocumentEdits("file:///m/b.vdl", [])])).ToJsonString());
        Assert.Equal($$"""{"range":{{Line1}},"placeholder":"bc"}""", LspConverter.RenameTarget(new RenameTarget(new TextSpan(2, 2), "bc"), Text)!.ToJsonString());
        Assert.Null(LspConverter.RenameTarget(null, Text));
    }

    [Fact]
    public void DiagnosticsAndTheCodeActionsThatFixThem()
    {
        var model = new OpenedModel("os solo {\n  family = linux\n}\n");
        var diagnostic = model.Compilation.Diagnostics.First(d => !d.IsError);
        var json = LspConverter.Diagnostic(diagnostic).ToJsonString();
        Assert.StartsWith($$"""{"range":{"start":{"line":""", json, StringComparison.Ordinal);
        Assert.Contains($$""","severity":{{(diagnostic.Severity == DiagnosticSeverity.Warning ? 2 : 3)}},"code":"{{diagnostic.Code}}","codeDescription":{"href":""", json, StringComparison.Ordinal);
        Assert.EndsWith($$""","source":"vdl","message":{{System.Text.Json.JsonSerializer.Serialize(diagnostic.Message)}}}""", json, StringComparison.Ordinal);

        var edit = new WorkspaceEdit([new DocumentEdits("file:///m/a.vdl", [])]);
        const string changes = """{"changes":{"file:///m/a.vdl":[]}}""";
        var actions = LspConverter.CodeActions([new CodeAction("Fix", diagnostic, edit) { IsPreferred = true }, new CodeAction("Silence", diagnostic, edit)]).ToJsonString();
        Assert.Equal(
            $$"""[{"title":"Fix","kind":"quickfix","isPreferred":true,"diagnostics":[{{json}}],"edit":{{changes}}},"""
            + $$"""{"title":"Silence","kind":"quickfix","diagnostics":[{{json}}],"edit":{{changes}}}]""",
            actions);

        Assert.Equal(
            $$"""{"uri":"file:///m/a.vdl","version":3,"diagnostics":[{{json}}]}""",
            LspConverter.PublishedDiagnostics(new PublishedDiagnostics("file:///m/a.vdl", 3, [diagnostic])).ToJsonString());
        Assert.Equal("""{"uri":"file:///m/a.vdl","diagnostics":[]}""", LspConverter.PublishedDiagnostics(new PublishedDiagnostics("file:///m/a.vdl", null, [])).ToJsonString());
    }
}
