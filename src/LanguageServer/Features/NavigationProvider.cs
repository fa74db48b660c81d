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

        var declaring = DocumentUri.Normalize(symbol.Declaration.Path);
        var seen = new HashSet<(string, int)>();
        var result = new JsonArray();
        foreach (var model in workspace.CompilationsContaining(declaring).Prepend(compilation))
        {
            if (model.SemanticModel.Resolve(symbol.Name) is not { } same || DocumentUri.Normalize(same.Declaration.Path) != declaring)
            {
                continue;
            }

            foreach (var location in model.SemanticModel.ReferencesOf(same, includeDeclaration))
            {
                if (seen.Add((DocumentUri.Normalize(location.Path), location.Span.Start)))
                {
                    result.Add(Positions.Location(location));
                }
            }
        }

        return result;
    }
}
