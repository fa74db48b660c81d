using System.Text.Json.Nodes;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>How the text is shown: folding ranges, inlay hints, semantic tokens and their legend.</summary>
internal static partial class LspConverter
{
    public static JsonArray FoldingRanges(IReadOnlyList<FoldingRange> ranges) => [.. ranges.Select(r =>
    {
        var json = new JsonObject { ["startLine"] = r.StartLine, ["endLine"] = r.EndLine };
        if (r.Kind is { } kind)
        {
            json["kind"] = kind switch
            {
                FoldingRangeKind.Comment => "comment",
                FoldingRangeKind.Region => "region",
                _ => throw new ArgumentOutOfRangeException(nameof(ranges), kind, null),
            };
        }

        return (JsonNode)json;
    })];

    /// <summary>Every hint names a parameter (LSP's InlayHintKind 2), with a space after it before the argument.</summary>
    public static JsonArray InlayHints(IReadOnlyList<InlayHint> hints, SourceText text) => [.. hints.Select(h => (JsonNode)new JsonObject
    {
        ["position"] = Positions.Position(text, h.Offset),
        ["label"] = h.Label,
        ["kind"] = 2,
        ["paddingRight"] = true,
        ["tooltip"] = h.Tooltip,
    })];

    /// <summary>The token types the server announces, in the order of <see cref="SemanticTokenType"/>: a token's type is its index here.</summary>
    public static IReadOnlyList<string> SemanticTokenTypes { get; } = [.. Enum.GetValues<SemanticTokenType>().Select(TokenTypeName)];

    /// <summary>The one modifier: bit 0, where a name is declared.</summary>
    public static IReadOnlyList<string> SemanticTokenModifiers { get; } = ["declaration"];

    /// <summary>LSP's relative encoding: per token, the line and start relative to the previous token, its length, type and modifiers.</summary>
    public static JsonObject SemanticTokens(IReadOnlyList<SemanticToken> tokens, SourceText text)
    {
        var data = new JsonArray();
        var (previousLine, previousCharacter) = (0, 0);
        foreach (var token in tokens)
        {
            var (line, character) = Positions.LineAndCharacter(text, token.Span.Start);
            data.Add(line - previousLine);
            data.Add(line == previousLine ? character - previousCharacter : character);
            data.Add(token.Span.Length);
            data.Add((int)token.Type);
            data.Add(token.IsDeclaration ? 1 : 0);
            (previousLine, previousCharacter) = (line, character);
        }

        return new JsonObject { ["data"] = data };
    }

    private static string TokenTypeName(SemanticTokenType type) => type switch
    {
        SemanticTokenType.Keyword => "keyword",
        SemanticTokenType.Class => "class",
        SemanticTokenType.Type => "type",
        SemanticTokenType.Property => "property",
        SemanticTokenType.Function => "function",
        SemanticTokenType.Variable => "variable",
        SemanticTokenType.EnumMember => "enumMember",
        SemanticTokenType.Number => "number",
        SemanticTokenType.String => "string",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
