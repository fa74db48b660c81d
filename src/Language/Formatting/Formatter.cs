using VirtLang.Language.Syntax;

namespace VirtLang.Language.Formatting;

/// <summary>
/// The one canonical layout of VDL (docs/language.md, "Formatting"): two-space indentation, one member per line,
/// <c>=</c> aligned in runs of consecutive attributes, at most one blank line kept, lists and calls on one line
/// unless the author broke the line after the opener or put a comment inside, <c>;</c> and single-line trailing
/// commas dropped. Every comment is kept. Idempotent. Refuses a tree with structural syntax errors (missing or
/// skipped tokens), because it cannot know what the author meant there.
/// </summary>
public static class Formatter
{
    /// <summary>The formatted text, or null when the tree has structural errors.</summary>
    public static string? Format(SyntaxTree tree)
    {
        if (HasStructuralErrors(tree))
        {
            return null;
        }

        var writer = new FormatWriter(tree.Text.DominantLineBreak);
        new FormatVisitor(writer).Visit(tree.Root);
        return writer.Finish();
    }

    /// <summary>
    /// Missing or skipped tokens (the tree does not say what the author meant there), or a string or block comment
    /// without its end (it swallows whatever follows, so no layout can safely add anything after it).
    /// </summary>
    public static bool HasStructuralErrors(SyntaxTree tree)
    {
        foreach (var token in tree.Root.DescendantTokens())
        {
            if (token.IsMissing || (token.Kind == SyntaxKind.StringLiteral && !SyntaxFacts.IsTerminatedString(token.Text)))
            {
                return true;
            }

            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.Kind == SyntaxKind.SkippedTokensTrivia
                    || (trivia.Kind == SyntaxKind.MultiLineCommentTrivia && (trivia.Span.Length < 4 || !trivia.Text.EndsWith("*/", StringComparison.Ordinal))))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
