using System.Text;
using VirtLang.Language.Syntax;

namespace VirtLang.Language.Formatting;

/// <summary>
/// Writes tokens in canonical layout and carries every comment of their trivia along: own-line comments stay on
/// their own lines, end-of-line comments stay at the end of the line, and nothing after a <c>//</c> comment is ever
/// put on the same line.
/// </summary>
internal sealed class FormatWriter(string newLine)
{
    private const string IndentUnit = "  ";

    private readonly StringBuilder _out = new();
    private bool _atLineStart = true;
    private bool _needNewLine;
    private bool _wroteAnything;
    private readonly List<SyntaxTrivia> _pending = [];

    /// <summary>Whether the last token read from the source ended its line (its trailing trivia ends with a line break).</summary>
    private bool _sourceLineEnded = true;

    public int Indent { get; set; }

    public void Write(SyntaxToken token, Placement placement, int extraSpaces = 0, int? commentIndent = null) =>
        Write(token, token.Text, placement, extraSpaces, commentIndent);

    /// <summary>
    /// Writes a token with replacement text: "" drops it (its comments are kept), "," may stand for a synthesized
    /// comma. A comma or a dropped token attaches to the token before it: the previous token's end-of-line comment
    /// moves after it (<c>y, // note</c>), never the other way round.
    /// </summary>
    public void Write(SyntaxToken? token, string text, Placement placement, int extraSpaces = 0, int? commentIndent = null)
    {
        if (placement == Placement.NoSpace && text is "," or "")
        {
            WriteAttached(token, text);
            return;
        }

        FlushPendingComments();
        var breaks = _sourceLineEnded ? 1 : 0;
        if (token is { } leadingToken)
        {
            // Read once into an array: the loop looks ahead, and trivia are re-read from the text on each enumeration.
            var leading = leadingToken.LeadingTrivia.ToArray();
            var startsLine = placement is Placement.NewLine or Placement.NewLineKeepBlank;
            var keepBlank = placement == Placement.NewLineKeepBlank;
            var first = true;
            for (var i = 0; i < leading.Length; i++)
            {
                var trivia = leading[i];
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia)
                {
                    breaks++;
                }
                else if (trivia.IsComment)
                {
                    placement = WriteLeadingComment(
                        trivia, breaks, LineEndsAfter(leading, i), placement, startsLine, keepBlank || !first, commentIndent ?? Indent);
                    breaks = 0;
                    first = false;
                }
            }
        }

        if (placement is Placement.NewLine or Placement.NewLineKeepBlank)
        {
            StartLine(blankLine: placement == Placement.NewLineKeepBlank && breaks >= 2, Indent);
        }
        else if (_needNewLine)
        {
            StartLine(blankLine: false, Indent + 1);
        }
        else if (placement == Placement.Space && !_atLineStart && text.Length > 0)
        {
            _out.Append(' ', 1 + extraSpaces);
        }

        if (text.Length > 0)
        {
            _out.Append(text);
            _atLineStart = false;
            _wroteAnything = true;
        }

        HoldTrailingComments(token);
    }

    /// <summary>A comma or a dropped token: written right after the previous token, then every comment held or carried.</summary>
    private void WriteAttached(SyntaxToken? token, string text)
    {
        if (text.Length > 0)
        {
            if (_pending.Count == 0 && _needNewLine)
            {
                StartLine(blankLine: false, Indent + 1);
            }

            _out.Append(text);
            _atLineStart = false;
            _wroteAnything = true;
        }

        if (token is { } attached)
        {
            foreach (var trivia in attached.LeadingTrivia)
            {
                if (trivia.IsComment)
                {
                    _pending.Add(trivia);
                }
            }
        }

        FlushPendingComments();
        if (token is not null)
        {
            HoldTrailingComments(token);
        }
    }

    /// <summary>A token's end-of-line comments wait until the next token says whether it attaches before them.</summary>
    private void HoldTrailingComments(SyntaxToken? token)
    {
        _sourceLineEnded = false;
        if (token is not { } held)
        {
            return;
        }

        foreach (var trivia in held.TrailingTrivia)
        {
            if (trivia.IsComment)
            {
                _pending.Add(trivia);
            }
            else if (trivia.Kind == SyntaxKind.EndOfLineTrivia)
            {
                _sourceLineEnded = true;
            }
        }
    }

    private void FlushPendingComments()
    {
        foreach (var comment in _pending)
        {
            if (_needNewLine)
            {
                StartLine(blankLine: false, Indent + 1);
            }
            else if (!_atLineStart)
            {
                _out.Append(' ');
            }

            WriteComment(comment);
        }

        _pending.Clear();
    }

    /// <summary>Whether a line break follows trivia <paramref name="index"/> before the next comment or the token.</summary>
    private static bool LineEndsAfter(SyntaxTrivia[] trivia, int index)
    {
        for (var i = index + 1; i < trivia.Length; i++)
        {
            if (trivia[i].Kind == SyntaxKind.EndOfLineTrivia)
            {
                return true;
            }

            if (trivia[i].IsComment)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes one comment that stands before a token and returns where the token (or the next comment) goes now.
    /// A comment that began a line in the source begins one in the output; an inline one stays inline.
    /// </summary>
    /// <param name="tokenStartsLine">The token itself starts a line in the canonical layout.</param>
    /// <param name="blankAllowed">A blank line above this comment may be kept.</param>
    /// <param name="indent">The indentation of comments on their own line (inside a block for its `}`).</param>
    private Placement WriteLeadingComment(
        SyntaxTrivia comment, int breaks, bool lineEndsAfter, Placement placement, bool tokenStartsLine, bool blankAllowed, int indent)
    {
        var lineIndent = tokenStartsLine ? indent : Indent + 1;
        var beginsLine = breaks > 0 || _atLineStart;
        if (beginsLine)
        {
            StartLine(blankLine: breaks >= 2 && blankAllowed, lineIndent);
        }
        else if (placement is Placement.NewLine or Placement.NewLineKeepBlank)
        {
            // An inline comment right before a line-starting token opens that token's line.
            StartLine(blankLine: false, Indent);
        }
        else if (_needNewLine)
        {
            StartLine(blankLine: false, Indent + 1);
        }
        else if (!_atLineStart && placement == Placement.Space)
        {
            _out.Append(' ');
        }

        if (beginsLine && !lineEndsAfter && comment.Kind == SyntaxKind.MultiLineCommentTrivia && tokenStartsLine)
        {
            // `/* note */ version = "8.6"`: the comment opens the token's line and the token follows on it. At a
            // closing brace, that line is the brace's own, not the block's inside.
            if (lineIndent != Indent)
            {
                StartLine(blankLine: false, Indent);
            }

            WriteComment(comment);
            return Placement.Space;
        }

        WriteComment(comment);
        if (beginsLine && (lineEndsAfter || comment.Kind == SyntaxKind.SingleLineCommentTrivia))
        {
            _needNewLine = true;
        }

        // After a `//` comment (or an own-line one) the token needs a new line: its own when it starts one anyway.
        if (_needNewLine)
        {
            return tokenStartsLine ? Placement.NewLineKeepBlank : placement;
        }

        // An inline comment: the token follows it on the same line.
        return Placement.Space;
    }

    private void WriteComment(SyntaxTrivia comment)
    {
        var text = comment.Kind == SyntaxKind.SingleLineCommentTrivia ? comment.Text.TrimEnd() : comment.Text;
        _out.Append(text);
        _atLineStart = false;
        _wroteAnything = true;
        _needNewLine = comment.Kind == SyntaxKind.SingleLineCommentTrivia;
    }

    private void StartLine(bool blankLine, int indent)
    {
        // A line already started holds only its indentation: take it back so it is not written twice.
        while (_atLineStart && _out.Length > 0 && _out[^1] == ' ')
        {
            _out.Length--;
        }

        if (_wroteAnything)
        {
            if (!_atLineStart)
            {
                _out.Append(newLine);
            }

            if (blankLine)
            {
                _out.Append(newLine);
            }
        }

        for (var i = 0; i < indent; i++)
        {
            _out.Append(IndentUnit);
        }

        _atLineStart = true;
        _needNewLine = false;
    }

    /// <summary>The text, ending with exactly one line break (an empty file stays empty).</summary>
    public string Finish()
    {
        FlushPendingComments();
        var text = _out.ToString().TrimEnd(' ', '\t', '\r', '\n');
        return text.Length == 0 ? string.Empty : text + newLine;
    }
}
