using System.Globalization;

namespace VirtLang.Runtime.Model;

/// <summary>
/// Orders patch levels and versions as the language does (docs/language.md): numbers separated by dots compared part by
/// part, missing parts as 0 (<c>2024.03</c> = <c>2024.3.0</c>); a <c>-label</c> sorts before the same version without one.
/// The runtime keeps its own comparison so that it needs nothing of the language.
/// </summary>
public static class PatchLevel
{
    public static int Compare(string left, string right)
    {
        var (leftParts, leftLabel) = Split(left);
        var (rightParts, rightLabel) = Split(right);
        var n = Math.Max(leftParts.Length, rightParts.Length);
        for (var i = 0; i < n; i++)
        {
            var a = i < leftParts.Length ? leftParts[i] : 0;
            var b = i < rightParts.Length ? rightParts[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return (leftLabel, rightLabel) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(leftLabel, rightLabel),
        };
    }

    private static (long[] Parts, string? Label) Split(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var numbers = dash < 0 ? text : text[..dash];
        var label = dash < 0 ? null : text[(dash + 1)..];
        var parts = numbers.Split('.');
        var values = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            // A part that is not a number (the checker rejects those) counts as 0 rather than throwing mid-run.
            values[i] = long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        }

        return (values, label);
    }
}
