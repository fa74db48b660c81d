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

    /// <summary>Missing or skipped tokens: the places where the tree does not say what the author meant.</summary>
    public static bool HasStructuralErrors(SyntaxTree tree)
    {
        foreach (var token in tree.Root.DescendantTokens())
        {
            if (token.IsMissing)
            {
                return true;
            }

            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Kind == SyntaxKind.SkippedTokensTrivia)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
