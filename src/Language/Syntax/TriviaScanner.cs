namespace VirtLang.Language.Syntax;

/// <summary>
/// The lexical rules of trivia, in one place: the lexer uses them to find where a token's trivia end, and trivia
/// lists use them to re-read their trivia from the text when asked (trivia are derived, not stored).
/// </summary>
internal static class TriviaScanner
{
    /// <summary>The kind and end of the trivia at <paramref name="position"/>, or <see cref="SyntaxKind.None"/> when a token starts there.</summary>
    public static SyntaxKind Scan(string text, int position, out int end)
    {
        var c = text[position];
        if (c is '\n' or '\r')
        {
            end = position + (c == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1);
            return SyntaxKind.EndOfLineTrivia;
        }

        if (c == ' ' || c == '\t' || char.IsWhiteSpace(c))
        {
            var p = position + 1;
            while (p < text.Length && text[p] is not ('\n' or '\r') && (text[p] is ' ' or '\t' || char.IsWhiteSpace(text[p])))
            {
                p++;
            }

            end = p;
            return SyntaxKind.WhitespaceTrivia;
        }

        if (c == '/' && position + 1 < text.Length)
        {
            if (text[position + 1] == '/')
            {
                var lineEnd = text.AsSpan(position).IndexOfAny('\r', '\n');
                end = lineEnd < 0 ? text.Length : position + lineEnd;
                return SyntaxKind.SingleLineCommentTrivia;
            }

            if (text[position + 1] == '*')
            {
                var close = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                end = close < 0 ? text.Length : close + 2;
                return SyntaxKind.MultiLineCommentTrivia;
            }
        }

        end = position;
        return SyntaxKind.None;
    }
}
