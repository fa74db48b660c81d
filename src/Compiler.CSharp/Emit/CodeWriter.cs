using System.Text;

namespace VirtLang.Compiler.Emit;

/// <summary>
/// Lines of generated C#, indented by the braces that open and close them: four spaces a level, directives at the
/// margin, LF line ends. Simple by design: the emitter writes one statement or declaration per line.
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void AppendLine(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('}'))
        {
            _depth = Math.Max(0, _depth - 1);
        }

        if (!trimmed.StartsWith('#') && trimmed.Length > 0)
        {
            _text.Append(' ', _depth * 4);
        }

        _text.Append(trimmed).Append('\n');
        if (trimmed == "{")
        {
            _depth++;
        }
    }

    /// <summary>Text as it is, at the margin: the lines of a raw string literal, whose indentation is part of it.</summary>
    public void AppendVerbatim(string text) => _text.Append(text);

    public void AppendLine(IFormatProvider provider, FormattableString line) => AppendLine(line.ToString(provider));

    public override string ToString() => _text.ToString();
}
