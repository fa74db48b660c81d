using VirtLang.Compiler;
using VirtLang.Language.Diagnostics;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Go to definition and find references: by name, across the file and what it imports, and across every open model
/// that shares the declaring file; and the highlights of the name under the cursor within the document.
/// </summary>
internal static class NavigationProvider
{
    public static Location? Definition(OpenDocument document, int offset, ModelCompilation compilation) =>
        compilation.SemanticModel.SymbolAt(document.Path, offset)?.Declaration;

    public static IReadOnlyList<Location> References(ModelWorkspace workspace, OpenDocument document, int offset, bool includeDeclaration)
    {
        var compilation = workspace.CompilationOf(document);
        if (compilation.SemanticModel.SymbolAt(document.Path, offset) is not { } symbol)
        {
            return [];
        }

        return [.. workspace.ReferencesEverywhere(symbol, includeDeclaration)];
    }

    /// <summary>Where the name under the cursor stands in this document: its declaration, and each use.</summary>
    public static IReadOnlyList<DocumentHighlight> Highlights(OpenDocument document, int offset, ModelCompilation compilation)
    {
        if (compilation.SemanticModel.SymbolAt(document.Path, offset) is not { } symbol)
        {
            return [];
        }

        var declaration = symbol.Declaration;
        return [.. compilation.SemanticModel.ReferencesOf(symbol, includeDeclaration: true)
            .Where(document.Contains)
            .Select(l => new DocumentHighlight(l, l.Path == declaration.Path && l.Span == declaration.Span))];
    }
}
