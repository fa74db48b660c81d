using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Expand selection: from the word at the cursor outwards through every node that holds it (a value, its
/// attribute, a block's members, the block, the blocks around it) to the whole file, each range once.
/// </summary>
internal static class SelectionRangeProvider
{
    /// <summary>For each offset, its innermost range (each holding the next larger one as its parent).</summary>
    public static IReadOnlyList<SelectionRange> Ranges(OpenDocument document, IEnumerable<int> offsets) =>
        [.. offsets.Select(offset => Chain(document, offset))];

    private static SelectionRange Chain(OpenDocument document, int offset)
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
        SelectionRange? parent = null;
        foreach (var span in spans.Where(s => s.Start <= offset && offset <= s.End).Distinct().OrderByDescending(s => s.Length).ThenBy(s => s.Start))
        {
            parent = new SelectionRange(span, parent);
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
