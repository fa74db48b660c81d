using System.Text.Json.Nodes;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>
/// The one place where the typed results of the features become LSP's JSON: the features are tested on their
/// records, and the wire format is written here alone, one file per area (this one: completion, hover and signature
/// help; the others beside it). Positions become LSP's lines and UTF-16 characters through <see cref="Positions"/>.
/// </summary>
internal static partial class LspConverter
{
    // LSP CompletionItemKind and InsertTextFormat values.
    private const int SnippetFormat = 2;

    public static JsonObject Completion(IReadOnlyList<CompletionItem> items, SourceText text)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(Completion(item, text));
        }

        return new JsonObject { ["isIncomplete"] = false, ["items"] = array };
    }

    private static JsonObject Completion(CompletionItem item, SourceText text)
    {
        var json = new JsonObject { ["label"] = item.Label, ["kind"] = Kind(item.Kind), ["detail"] = item.Detail };
        if (item.Documentation is { } documentation)
        {
            json["documentation"] = documentation;
        }

        if (item.SortText is { } sortText)
        {
            json["sortText"] = sortText;
        }

        if (item.FilterText is { } filterText)
        {
            json["filterText"] = filterText;
        }

        if (item.InsertText is { } insertText)
        {
            json["insertText"] = insertText;
        }

        if (item.IsSnippet)
        {
            json["insertTextFormat"] = SnippetFormat;
        }

        if (item.Edit is { } edit)
        {
            json["textEdit"] = new JsonObject { ["range"] = Positions.Range(text, edit.Span), ["newText"] = edit.NewText };
        }

        return json;
    }

    /// <summary>LSP's CompletionItemKind.</summary>
    private static int Kind(CompletionItemKind kind) => kind switch
    {
        CompletionItemKind.Function => 3,
        CompletionItemKind.Block => 9,     // Module
        CompletionItemKind.Attribute => 10, // Property
        CompletionItemKind.Unit => 11,
        CompletionItemKind.Keyword => 14,
        CompletionItemKind.Reference => 18,
        CompletionItemKind.EnumWord => 20,  // EnumMember
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static JsonNode? Hover(Hover? hover, SourceText text) => hover is null
        ? null
        : new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = hover.Markdown },
            ["range"] = Positions.Range(text, hover.Span),
        };

    public static JsonNode? SignatureHelp(SignatureHelp? help)
    {
        if (help is null)
        {
            return null;
        }

        var parameters = new JsonArray();
        foreach (var parameter in help.Parameters)
        {
            parameters.Add(new JsonObject { ["label"] = new JsonArray(parameter.Start, parameter.End), ["documentation"] = parameter.Documentation });
        }

        return new JsonObject
        {
            ["signatures"] = new JsonArray(new JsonObject
            {
                ["label"] = help.Label,
                ["documentation"] = help.Documentation,
                ["parameters"] = parameters,
            }),
            ["activeSignature"] = 0,
            ["activeParameter"] = help.ActiveParameter,
        };
    }
}
