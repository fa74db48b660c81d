using System.Text;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// Makes user text safe to print on a terminal: control characters (an ANSI escape hidden in a model, say) are shown
/// as U+FFFD instead of being obeyed.
/// </summary>
internal static class TerminalText
{
    public static string Sanitize(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(IsUnsafe(c) ? '\uFFFD' : c);
        }

        return sb.ToString();
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) && c != '\t';
}
