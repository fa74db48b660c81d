using System.Text.Json;
using VirtLang.Compiler;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Rename a declared name everywhere the open models see it: its declaration, every reference, and the names of its
/// copies (<c>web-vm-2</c> becomes <c>app-vm-2</c> when <c>web-vm</c> becomes <c>app-vm</c>). Refuses a name that
/// is not an identifier or is already declared.
/// </summary>
internal static class RenameProvider
{
    public static RenameTarget? Prepare(OpenDocument document, int offset, ModelCompilation compilation)
    {
        if (SyntaxNavigation.TokenAt(document.Tree.Root, offset) is not { Kind: SyntaxKind.Identifier } token
            || compilation.SemanticModel.SymbolAt(document.Path, offset) is not { } symbol)
        {
            return null;
        }

        return new RenameTarget(token.Span, symbol.Name);
    }

    public static WorkspaceEdit Rename(ModelWorkspace workspace, OpenDocument document, int offset, string newName)
    {
        var compilation = workspace.CompilationOf(document);
        if (compilation.SemanticModel.SymbolAt(document.Path, offset) is not { } symbol)
        {
            throw new LspException(LspErrorCodes.RequestFailed, "there is no declared name here to rename");
        }

        if (newName.Length == 0 || !SyntaxFacts.IsIdentifierStart(newName[0]) || !newName.All(SyntaxFacts.IsIdentifierPart))
        {
            throw new LspException(LspErrorCodes.InvalidParams, $"`{newName}` is not a name: start with a letter or `_`, then letters, digits, `_` or `-`");
        }

        if (newName != symbol.Name && compilation.SemanticModel.Resolve(newName) is { } taken)
        {
            throw new LspException(LspErrorCodes.InvalidParams, $"`{newName}` is already declared: {taken.Display}");
        }

        var edits = new SortedDictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        foreach (var location in workspace.ReferencesEverywhere(symbol, includeDeclaration: true))
        {
            var path = DocumentUri.Normalize(location.Path);
            var written = location.Source.ToString(location.Span);
            var replacement = written == symbol.Name ? newName : newName + written[symbol.Name.Length..];
            if (!edits.TryGetValue(path, out var list))
            {
                edits[path] = list = [];
            }

            list.Add(new TextEdit(location, replacement));
        }

        return new WorkspaceEdit([.. edits.Select(e => new DocumentEdits(DocumentUri.FromPath(e.Key), [.. e.Value.OrderBy(edit => edit.Location.Span.Start)]))]);
    }

    public static string NewName(JsonElement? parameters) =>
        parameters?.GetProperty("newName").GetString() ?? throw new LspException(LspErrorCodes.InvalidParams, "missing newName");
}
