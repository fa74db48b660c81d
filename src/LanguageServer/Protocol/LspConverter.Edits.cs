using System.Text.Json.Nodes;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>Edits: formatting's text edits, quick fixes, and rename (its target and its workspace edit).</summary>
internal static partial class LspConverter
{
    public static JsonArray TextEdits(IReadOnlyList<TextEdit> edits) => [.. edits.Select(e => (JsonNode)TextEdit(e))];

    private static JsonObject TextEdit(TextEdit edit) => new() { ["range"] = Positions.Range(edit.Location), ["newText"] = edit.NewText };

    /// <summary>LSP's <c>changes</c> form: each document's URI to its edits.</summary>
    public static JsonObject WorkspaceEdit(WorkspaceEdit edit)
    {
        var changes = new JsonObject();
        foreach (var document in edit.Documents)
        {
            changes[document.Uri] = TextEdits(document.Edits);
        }

        return new JsonObject { ["changes"] = changes };
    }

    /// <summary>Every action is a quick fix (the only kind the server announces), naming the one diagnostic it fixes.</summary>
    public static JsonArray CodeActions(IReadOnlyList<CodeAction> actions) => [.. actions.Select(a =>
    {
        var json = new JsonObject { ["title"] = a.Title, ["kind"] = "quickfix" };
        if (a.IsPreferred is { } preferred)
        {
            json["isPreferred"] = preferred;
        }

        json["diagnostics"] = new JsonArray(Diagnostic(a.Diagnostic));
        json["edit"] = WorkspaceEdit(a.Edit);
        return (JsonNode)json;
    })];

    /// <summary>The answer to <c>prepareRename</c>: null where there is nothing to rename.</summary>
    public static JsonNode? RenameTarget(RenameTarget? target, SourceText text) => target is null
        ? null
        : new JsonObject { ["range"] = Positions.Range(text, target.Span), ["placeholder"] = target.Placeholder };
}
