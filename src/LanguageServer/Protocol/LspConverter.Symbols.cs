using System.Text.Json.Nodes;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>The outline (document symbols) and Go to Symbol in Workspace.</summary>
internal static partial class LspConverter
{
    public static JsonArray DocumentSymbols(IReadOnlyList<DocumentSymbol> symbols, SourceText text) =>
        [.. symbols.Select(s => (JsonNode)DocumentSymbol(s, text))];

    /// <summary>An attribute has no <c>children</c>; a block always has them, empty or not.</summary>
    private static JsonObject DocumentSymbol(DocumentSymbol symbol, SourceText text)
    {
        var json = new JsonObject
        {
            ["name"] = symbol.Name,
            ["detail"] = symbol.Detail,
            ["kind"] = Kind(symbol.Kind),
            ["range"] = Positions.Range(text, symbol.Span),
            ["selectionRange"] = Positions.Range(text, symbol.NameSpan),
        };
        if (symbol.Children is { } children)
        {
            json["children"] = DocumentSymbols(children, text);
        }

        return json;
    }

    public static JsonArray WorkspaceSymbols(IReadOnlyList<WorkspaceSymbol> symbols) => [.. symbols.Select(s =>
    {
        var json = new JsonObject { ["name"] = s.Name, ["kind"] = Kind(s.Kind), ["location"] = Positions.Location(s.Location) };
        if (s.ContainerName is { } container)
        {
            json["containerName"] = container;
        }

        return (JsonNode)json;
    })];

    /// <summary>LSP's SymbolKind: the icon each kind of block shows.</summary>
    private static int Kind(SymbolKind kind) => kind switch
    {
        SymbolKind.Application => 2,      // Module
        SymbolKind.Cluster => 3,          // Namespace
        SymbolKind.OperatingSystem => 4,  // Package
        SymbolKind.Host => 5,             // Class
        SymbolKind.Attribute => 7,        // Property
        SymbolKind.Guest or SymbolKind.OtherBlock => 19, // Object
        SymbolKind.Hardware => 23,        // Struct
        SymbolKind.Scenario => 24,        // Event
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
