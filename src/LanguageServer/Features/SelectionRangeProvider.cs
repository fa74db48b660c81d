using System.Text.Json;
using System.Text.Json.Nodes;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Protocol;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Expand selection: from the word at the cursor outwards through every node that holds it (a value, its
/// attribute, a block's members, the block, the blocks around it) to the whole file, each range once.
/// </summary>
internal static class SelectionRangeProvider
{
    public static JsonArray Ranges(OpenDocument document, JsonElement positions)
    {
        var result = new JsonArray();
        foreach (var position in positions.EnumerateArray())
        {
            result.Add(Chain(document, Positions.ToOffset(document.Text, position)));
        }

        return result;
    }

    private static JsonObject Chain(OpenDocument document, int offset)
    {
        var text = document.Text;
        var spans = new List<TextSpan> { new(0, text.Length) };
        SyntaxNode? node = document.Tree.Root;
        while (node is not null)
        {
            Add(spans, node.Span);
            if (node is BlockSyntax { OpenBrace.IsMissing: false, CloseBrace.IsMissing: false, Members.IsEmpty: false } block)
            {
                // Inside the braces: the members alone, as editors select a body before its block.
                Add(spans, TextSpan.FromBounds(block.Members[0].Span.Start, block.Members[^1].Span.End));
            }

            SyntaxNode? next = null;
            foreach (var child in node.ChildElements())
            {
                var span = child.Node?.Span ?? child.Token!.Value.Span;
                if (span.Start <= offset && offset <= span.End && span.Length > 0)
                {
                    if (child.Node is { } inner)
                    {
                        next = inner;
                    }
                    else
                    {
                        Add(spans, span);
                    }

                    break;
                }
            }

            node = next;
        }

        // Innermost first, each with the next larger one as its parent; a range holds the ones inside it.
        JsonObject? parent = null;
        foreach (var span in spans.Where(s => s.Start <= offset && offset <= s.End).Distinct().OrderByDescending(s => s.Length).ThenBy(s => s.Start))
        {
            var range = new JsonObject { ["range"] = Positions.Range(text, span) };
            if (parent is not null)
            {
                range["parent"] = parent;
            }

            parent = range;
        }

        return parent!;
    }

    private static void Add(List<TextSpan> spans, TextSpan span)
    {
        if (span.Length > 0)
        {
            spans.Add(span);
        }
    }
}
