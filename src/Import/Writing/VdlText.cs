using System.Globalization;
using System.Text;

namespace VirtLang.Import.Writing;

/// <summary>How a source's text is allowed into the model: as a comment's words or a string literal, never as syntax.</summary>
internal static class VdlText
{
    /// <summary>Longest comment line kept: enough for a device list, not a pasted file.</summary>
    public const int MaxCommentChars = 400;

    /// <summary>One line of comment text: control characters and line separators become spaces, the length is bounded.</summary>
    public static string Comment(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxCommentChars));
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
            if (builder.Length >= MaxCommentChars)
            {
                builder.Append("...");
                break;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>A string literal: one line, with `"` and `\` escaped.</summary>
    public static string String(string text) =>
        "\"" + Comment(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A VDL number: invariant, no exponent, at most 6 decimals.</summary>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
