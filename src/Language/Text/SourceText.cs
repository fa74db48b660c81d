namespace VirtLang.Language.Text;

/// <summary>
/// The text of one source file with its line map. Immutable. Line breaks are <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    private SourceText(string text, string path, bool hasUtf8Bom, DecodingProblem? decodingProblem)
    {
        Text = text;
        Path = path;
        HasUtf8Bom = hasUtf8Bom;
        DecodingProblem = decodingProblem;
    }

    /// <summary>The file path as the user gave it (used verbatim in messages); empty for in-memory text.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>The file started with a UTF-8 byte order mark, which is not part of <see cref="Text"/>; writers put it back.</summary>
    public bool HasUtf8Bom { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    /// <summary>Set when the bytes were not valid UTF-8 (the parser reports it).</summary>
    public DecodingProblem? DecodingProblem { get; }

    public static SourceText From(string text, string path = "", bool hasUtf8Bom = false, DecodingProblem? decodingProblem = null) =>
        new(text, path, hasUtf8Bom, decodingProblem);

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>The 1-based line and column of an offset; an offset at the very end maps past the last character.</summary>
    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var starts = LineStarts;
        var index = Array.BinarySearch(starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LinePosition(index + 1, offset - starts[index] + 1);
    }

    /// <summary>The offset of a 1-based line and column, clamped to the text.</summary>
    public int GetOffset(LinePosition position)
    {
        var starts = LineStarts;
        var line = Math.Clamp(position.Line, 1, starts.Length);
        var lineSpan = GetLineSpan(line);
        return Math.Min(lineSpan.Start + Math.Max(position.Column - 1, 0), lineSpan.End);
    }

    /// <summary>The span of a 1-based line, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var starts = LineStarts;
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        // Each line ends with at most one break: "\r\n", "\n" or "\r".
        if (end > start && Text[end - 1] == '\n')
        {
            end--;
        }

        if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    public string GetLineText(int line) => ToString(GetLineSpan(line));

    /// <summary>The first line break of the text, or <c>\n</c> when it has none: the formatter keeps a file's convention.</summary>
    public string DominantLineBreak
    {
        get
        {
            var i = Text.IndexOfAny(['\r', '\n']);
            if (i < 0 || Text[i] == '\n')
            {
                return "\n";
            }

            return i + 1 < Text.Length && Text[i + 1] == '\n' ? "\r\n" : "\r";
        }
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
