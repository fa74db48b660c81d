using VirtLang.Language.Syntax;

namespace VirtLang.LanguageServer.Features;

/// <summary>Where an offset is in a tree: the innermost block whose braces hold it, the token at it, and the nodes above a token.</summary>
internal static class SyntaxNavigation
{
    /// <summary>The innermost block whose body holds the offset (an unclosed block runs to the end of the file), or null at top level.</summary>
    public static BlockSyntax? EnclosingBlock(CompilationUnitSyntax root, int offset)
    {
        BlockSyntax? found = null;
        IEnumerable<BlockSyntax> candidates = root.Blocks;
        while (true)
        {
            var inner = candidates.FirstOrDefault(b => Holds(b, offset));
            if (inner is null)
            {
                return found;
            }

            found = inner;
            candidates = inner.Blocks;
        }
    }

    /// <summary>The token whose text holds the offset or ends at it (what a cursor just after a word means), if any.</summary>
    public static SyntaxToken? TokenAt(SyntaxNode root, int offset)
    {
        SyntaxToken? best = null;
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsMissing || token.Span.Length == 0)
            {
                continue;
            }

            if (token.Span.Start > offset)
            {
                break;
            }

            if (offset <= token.Span.End)
            {
                best = token;
                if (offset < token.Span.End)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The nodes from <paramref name="root"/> down to the one whose child <paramref name="token"/> is (its parent
    /// last). Nodes hold no parent, so the path is found from the top, by the spans of the children.
    /// </summary>
    public static IReadOnlyList<SyntaxNode> PathTo(SyntaxNode root, SyntaxToken token)
    {
        var path = new List<SyntaxNode> { root };
        var node = root;
        while (true)
        {
            SyntaxNode? next = null;
            foreach (var child in node.ChildElements())
            {
                if (child.Token is { } own)
                {
                    if (own == token)
                    {
                        return path;
                    }
                }
                else if (child.Node is { } inner && inner.Span.Start <= token.Span.Start && token.Span.End <= inner.Span.End && token.Span.Length > 0)
                {
                    next = inner;
                    break;
                }
            }

            if (next is null)
            {
                return path;
            }

            path.Add(next);
            node = next;
        }
    }

    private static bool Holds(BlockSyntax block, int offset) =>
        !block.OpenBrace.IsMissing && block.OpenBrace.Span.End <= offset && (block.CloseBrace.IsMissing || offset <= block.CloseBrace.Span.Start);
}
