using VirtLang.Language.Syntax;

namespace VirtLang.LanguageServer.Features;

/// <summary>Where an offset is in a tree: the innermost block whose braces hold it, and the token at it.</summary>
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

    private static bool Holds(BlockSyntax block, int offset) =>
        !block.OpenBrace.IsMissing && block.OpenBrace.Span.End <= offset && (block.CloseBrace.IsMissing || offset <= block.CloseBrace.Span.Start);
}
