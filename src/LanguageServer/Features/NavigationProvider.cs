using System.Text.Json.Nodes;
using VirtLang.Compiler;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>Go to definition and find references: by name, across the file and what it imports, and across every open model that shares the declaring file.</summary>
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
}
