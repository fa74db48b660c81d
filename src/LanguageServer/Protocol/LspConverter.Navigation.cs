using System.Text.Json.Nodes;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>Navigation: definitions and references as locations, highlights, expand selection.</summary>
internal static partial class LspConverter
{
    /// <summary>A definition: null where there is none.</summary>
    public static JsonNode? Location(Location? location) => location is { } l ? Positions.Location(l) : null;

    public static JsonArray Locations(IReadOnlyList<Location> locations) => [.. locations.Select(l => (JsonNode)Positions.Location(l))];

    public static JsonArray DocumentHighlights(IReadOnlyList<DocumentHighlight> highlights) => [.. highlights.Select(h => (JsonNode)new JsonObject
    {
        ["range"] = Positions.Range(h.Location),
        ["kind"] = h.IsDeclaration ? HighlightWrite : HighlightRead,
    })];

    // LSP DocumentHighlightKind: a declaration is where the name is written, a use where it is read.
    private const int HighlightRead = 2;
    private const int HighlightWrite = 3;

    public static JsonArray SelectionRanges(IReadOnlyList<SelectionRange> ranges, SourceText text) =>
        [.. ranges.Select(r => (JsonNode)SelectionRange(r, text))];

    private static JsonObject SelectionRange(SelectionRange range, SourceText text)
    {
        var json = new JsonObject { ["range"] = Positions.Range(text, range.Span) };
        if (range.Parent is { } parent)
        {
            json["parent"] = SelectionRange(parent, text);
        }

        return json;
    }
}
