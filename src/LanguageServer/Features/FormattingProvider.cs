using VirtLang.Language.Diagnostics;
using VirtLang.Language.Formatting;
using VirtLang.Language.Text;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// `vdl fmt` as an edit: the formatted document replaces the text between the first and last characters that
/// differ, so the cursor and folds elsewhere stay put. A document with structural errors is left alone (no edits):
/// the formatter will not guess what the author meant.
/// </summary>
internal static class FormattingProvider
{
    public static IReadOnlyList<TextEdit> Format(OpenDocument document)
    {
        var formatted = Formatter.Format(document.Tree);
        var original = document.Text.Text;
        if (formatted is null || formatted == original)
        {
            return [];
        }

        var start = 0;
        var limit = Math.Min(formatted.Length, original.Length);
        while (start < limit && formatted[start] == original[start])
        {
            start++;
        }

        var endOriginal = original.Length;
        var endFormatted = formatted.Length;
        while (endOriginal > start && endFormatted > start && formatted[endFormatted - 1] == original[endOriginal - 1])
        {
            endOriginal--;
            endFormatted--;
        }

        return [new TextEdit(new Location(document.Text, TextSpan.FromBounds(start, endOriginal)), formatted[start..endFormatted])];
    }
}
