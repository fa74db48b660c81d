using System.Text.Json.Nodes;
using VirtLang.Compiler;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Go to definition and find references: by name, across the file and what it imports, and across every open model
/// that shares the declaring file; and the highlights of the name under the cursor within the document.
/// </summary>
internal static class NavigationProvider
{
    public static JsonNode? Definition(OpenDocument document, int offset, ModelCompilation compilation) =>
        compilation.SemanticModel.SymbolAt(document.Path, offset) is { } symbol ? Positions.Location(symbol.Declaration) : null;

    public static JsonNode References(ModelWorkspace workspace, OpenDocument document, int offset, bool includeDeclaration)
    {
        var compilation = workspace.CompilationOf(document);
        if (compilation.SemanticModel.SymbolAt(document.Path, offset) is not { } symbol)
        {
            return new JsonArray();
        }

        return new JsonArray([.. workspace.ReferencesEverywhere(symbol, includeDeclaration).Select(l => (JsonNode)Positions.Location(l))]);
    }

    /// <summary>Where the name under the cursor stands in this document: its declaration as a write, each use as a read (LSP's DocumentHighlightKind).</summary>
    public static JsonNode Highlights(OpenDocument document, int offset, ModelCompilation compilation)
    {
        if (compilation.SemanticModel.SymbolAt(document.Path, offset) is not { } symbol)
        {
            return new JsonArray();
        }

        var declaration = symbol.Declaration;
        return new JsonArray([.. compilation.SemanticModel.ReferencesOf(symbol, includeDeclaration: true)
            .Where(document.Contains)
            .Select(l => (JsonNode)new JsonObject
            {
                ["range"] = Positions.Range(l),
                ["kind"] = l.Path == declaration.Path && l.Span == declaration.Span ? Write : Read,
            })]);
    }

    private const int Read = 2;
    private const int Write = 3;
}
