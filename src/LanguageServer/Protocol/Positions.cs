using System.Text.Json;
using System.Text.Json.Nodes;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Protocol;

/// <summary>LSP positions (0-based line, UTF-16 character) against the compiler's offsets and 1-based line/column.</summary>
internal static class Positions
{
    public static int ToOffset(SourceText text, JsonElement position)
    {
        var line = position.GetProperty("line").GetInt32();
        var character = position.GetProperty("character").GetInt32();
        if (line >= text.LineCount)
        {
            return text.Length;
        }

        return text.GetOffset(new LinePosition(line + 1, character + 1));
    }

    /// <summary>
    /// The offsets of an LSP range, start and end each converted as a position (a range whose end comes before its
    /// start keeps them so: the features compare with each end, as they did with the two positions).
    /// </summary>
    public static TextSpan ToSpan(SourceText text, JsonElement range) =>
        TextSpan.FromBounds(ToOffset(text, range.GetProperty("start")), ToOffset(text, range.GetProperty("end")));

    /// <summary>The LSP (0-based) line and UTF-16 character of an offset.</summary>
    public static (int Line, int Character) LineAndCharacter(SourceText text, int offset)
    {
        var p = text.GetLinePosition(offset);
        return (p.Line - 1, p.Column - 1);
    }

    public static JsonObject Position(SourceText text, int offset)
    {
        var (line, character) = LineAndCharacter(text, offset);
        return new JsonObject { ["line"] = line, ["character"] = character };
    }

    public static JsonObject Range(SourceText text, TextSpan span) =>
        new() { ["start"] = Position(text, span.Start), ["end"] = Position(text, span.End) };

    public static JsonObject Range(Location location) => Range(location.Source, location.Span);

    public static JsonObject Location(Location location) =>
        new() { ["uri"] = DocumentUri.FromPath(location.Path), ["range"] = Range(location) };

    /// <summary>The text/document position params every positional request carries.</summary>
    public static (string Uri, JsonElement Position) DocumentPosition(JsonElement? parameters)
    {
        var p = parameters ?? throw new LspException(LspErrorCodes.InvalidParams, "missing params");
        return (p.GetProperty("textDocument").GetProperty("uri").GetString()!, p.GetProperty("position"));
    }
}
