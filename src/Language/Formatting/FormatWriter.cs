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

    /// <summary>Whether the last token read from the source ended its line (its trailing trivia ends with a line break).</summary>
    private bool _sourceLineEnded = true;

    public int Indent { get; set; }

    public void Write(SyntaxToken token, Placement placement, int extraSpaces = 0, int? commentIndent = null) =>
        Write(token, token.Text, placement, extraSpaces, commentIndent);

    /// <summary>Writes a token with replacement text ("" drops it but keeps its comments; "," adds a synthesized comma).</summary>
    public void Write(SyntaxToken? token, string text, Placement placement, int extraSpaces = 0, int? commentIndent = null)
    {
        var breaks = _sourceLineEnded ? 1 : 0;
        if (token is not null)
        {
            var leading = token.LeadingTrivia;
            for (var i = 0; i < leading.Count; i++)
            {
                var trivia = leading[i];
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia)
                {
                    breaks++;
                }
                else if (trivia.IsComment)
                {
                    WriteLeadingComment(trivia, breaks, LineEndsAfter(leading, i), ref placement, commentIndent ?? Indent);
                    breaks = 0;
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

        _sourceLineEnded = false;
        if (token is not null)
        {
            foreach (var trivia in token.TrailingTrivia)
            {
                if (trivia.IsComment)
                {
                    if (_needNewLine)
                    {
                        StartLine(blankLine: false, Indent + 1);
                    }
                    else if (!_atLineStart)
                    {
                        _out.Append(' ');
                    }

                    WriteComment(trivia);
                }
                else if (trivia.Kind == SyntaxKind.EndOfLineTrivia)
                {
                    _sourceLineEnded = true;
                }
            }
        }
    }

    /// <summary>Whether a line break follows trivia <paramref name="index"/> before the next comment or the token.</summary>
    private static bool LineEndsAfter(SyntaxTriviaList trivia, int index)
    {
        for (var i = index + 1; i < trivia.Count; i++)
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

    private void WriteLeadingComment(SyntaxTrivia comment, int breaks, bool lineEndsAfter, ref Placement placement, int indent)
    {
        var startsLine = breaks > 0 || _atLineStart;
        if (startsLine && !lineEndsAfter && comment.Kind == SyntaxKind.MultiLineCommentTrivia
            && placement is Placement.NewLine or Placement.NewLineKeepBlank)
        {
            // `/* note */ version = "8.6"`: the comment opens the token's line and stays on it.
            StartLine(blankLine: breaks >= 2 && placement == Placement.NewLineKeepBlank, indent);
            WriteComment(comment);
            placement = Placement.Space;
            return;
        }

        if (startsLine)
        {
            // An own-line comment: it keeps a line of its own before the token.
            var keepBlank = breaks >= 2 && placement == Placement.NewLineKeepBlank;
            var lineIndent = placement is Placement.NewLine or Placement.NewLineKeepBlank ? indent : Indent + 1;
            StartLine(keepBlank, lineIndent);
            WriteComment(comment);
            _needNewLine = true;
            if (placement is Placement.NewLine or Placement.NewLineKeepBlank)
            {
                placement = Placement.NewLineKeepBlank;
            }

            return;
        }

        // An inline comment: it stays where it was relative to the token.
        if (placement is Placement.NewLine or Placement.NewLineKeepBlank)
        {
            StartLine(blankLine: false, indent);
            placement = Placement.Space;
        }
        else if (_needNewLine)
        {
            StartLine(blankLine: false, Indent + 1);
        }
        else if (!_atLineStart && placement == Placement.Space)
        {
            _out.Append(' ');
        }

        WriteComment(comment);
        if (!_needNewLine)
        {
            placement = Placement.Space;
        }
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
        var text = _out.ToString().TrimEnd(' ', '\t', '\r', '\n');
        return text.Length == 0 ? string.Empty : text + newLine;
    }
}
