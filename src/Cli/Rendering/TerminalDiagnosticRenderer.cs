using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Cli.Rendering;

/// <summary>
/// Diagnostics as the best compilers print them: severity and code, message, location, the source line with a caret
/// underline of the span, related locations as notes, and where to read more.
/// </summary>
internal sealed class TerminalDiagnosticRenderer(ConsoleStyle style) : IDiagnosticRenderer
{
    /// <summary>Longer source lines are shown as a window around the span (a 50 MB line must not reach the terminal).</summary>
    private const int MaxShownLine = 160;

    private const int TabWidth = 4;

    public void Render(IReadOnlyList<Diagnostic> diagnostics, int fileCount, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            RenderOne(diagnostic, output);
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var summary = $"{Plural(fileCount, "file")} checked: {Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(infos, "info")}";
        output.WriteLine(errors > 0 ? style.Red(summary) : warnings > 0 ? style.Yellow(summary) : summary);
    }

    private void RenderOne(Diagnostic diagnostic, TextWriter output)
    {
        var word = Diagnostic.SeverityWord(diagnostic.Severity);
        var head = $"{word}[{diagnostic.Code}]";
        head = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => style.Red(head),
            DiagnosticSeverity.Warning => style.Yellow(head),
            _ => style.Cyan(head),
        };
        output.WriteLine($"{head}: {style.Bold(TerminalText.Sanitize(diagnostic.Message))}");

        var location = diagnostic.Location;
        var start = location.Start;
        var gutter = new string(' ', start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        output.WriteLine($"{gutter}{style.Blue("-->")} {TerminalText.Sanitize(location.Path)}:{start.Line}:{start.Column}");
        output.WriteLine($"{gutter} {style.Blue("|")}");
        var (line, caretStart, caretLength) = Excerpt(location);
        output.WriteLine($"{style.Blue($"{start.Line} |")} {line}");
        var caret = new string('^', Math.Max(1, caretLength));
        var caretColored = diagnostic.Severity == DiagnosticSeverity.Error ? style.Red(caret) : style.Yellow(caret);
        output.WriteLine($"{gutter} {style.Blue("|")} {new string(' ', caretStart)}{caretColored}");

        foreach (var related in diagnostic.RelatedLocations)
        {
            var p = related.Location.Start;
            output.WriteLine($"{gutter} {style.Blue("=")} note: {TerminalText.Sanitize(related.Message)}, {TerminalText.Sanitize(related.Location.Path)}:{p.Line}:{p.Column}");
        }

        output.WriteLine($"{gutter} {style.Blue("=")} help: run `vdl explain {diagnostic.Code}` or see {diagnostic.Descriptor.HelpUri}");
        output.WriteLine();
    }

    /// <summary>The line to show (tabs expanded, control characters neutralized, long lines windowed) and the caret's place.</summary>
    internal static (string Line, int CaretStart, int CaretLength) Excerpt(Location location)
    {
        var source = location.Source;
        var start = location.Start;
        var lineSpan = source.GetLineSpan(start.Line);
        var startInLine = Math.Min(location.Span.Start - lineSpan.Start, lineSpan.Length);
        var endInLine = Math.Min(location.Span.End, lineSpan.End) - lineSpan.Start;
        if (endInLine <= startInLine)
        {
            endInLine = startInLine + 1; // zero-width or running past the line: one caret
        }

        var windowStart = 0;
        var windowEnd = lineSpan.Length;
        var prefix = string.Empty;
        var suffix = string.Empty;
        if (lineSpan.Length > MaxShownLine)
        {
            windowStart = Math.Max(0, startInLine - (MaxShownLine / 3));
            windowEnd = Math.Min(lineSpan.Length, windowStart + MaxShownLine);
            prefix = windowStart > 0 ? "…" : string.Empty;
            suffix = windowEnd < lineSpan.Length ? "…" : string.Empty;
            endInLine = Math.Min(endInLine, windowEnd);
        }

        var raw = source.Text.AsSpan(lineSpan.Start + windowStart, windowEnd - windowStart);
        var shown = new System.Text.StringBuilder(prefix);
        var caretStart = prefix.Length;
        var caretEnd = -1;
        for (var i = 0; i <= raw.Length; i++)
        {
            var column = windowStart + i;
            if (column == startInLine)
            {
                caretStart = shown.Length;
            }

            if (column == endInLine)
            {
                caretEnd = shown.Length;
            }

            if (i == raw.Length)
            {
                break;
            }

            var c = raw[i];
            if (c == '\t')
            {
                shown.Append(' ', TabWidth - ((shown.Length - prefix.Length) % TabWidth));
            }
            else
            {
                shown.Append(char.IsControl(c) ? '\uFFFD' : c);
            }
        }

        if (caretEnd < 0)
        {
            caretEnd = shown.Length + 1;
        }

        shown.Append(suffix);
        return (shown.ToString(), caretStart, Math.Max(1, caretEnd - caretStart));
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
