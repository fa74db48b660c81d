using System.Text;

namespace VirtLang.Cli.Calibration;

/// <summary>
/// The generated table of docs/calibration.md: everything between the lines <see cref="Begin"/> and <see cref="End"/>
/// is replaced, the prose around it kept.
/// </summary>
internal static class CalibrationMarkdown
{
    public const string Begin = "<!-- calibration:begin -->";

    public const string End = "<!-- calibration:end -->";

    /// <summary>The table with its markers: what a new page holds, and what replaces the old table in an existing one.</summary>
    public static string Table(IReadOnlyList<CalibrationRow> rows)
    {
        var text = new StringBuilder();
        text.Append(Begin).Append('\n');
        text.Append("| experiment | source | confidence | role | metric | published | simulated | deviation | tolerance | status |\n");
        text.Append("|---|---|---|---|---|--:|--:|--:|--:|---|\n");
        foreach (var row in rows)
        {
            string[] cells =
            [
                row.Experiment, row.Header.Source, CalibrationFigures.Confidence(row.Header.Confidence), CalibrationFigures.Role(row.Header.Role),
                $"{row.Expectation.Metric.Name} {row.Expectation.Subject}", CalibrationFigures.Published(row), CalibrationFigures.Simulated(row),
                CalibrationFigures.Deviation(row), CalibrationFigures.Tolerance(row),
                CalibrationFigures.Status(row.Status) + (row.Message is { } message ? $": {message}" : ""),
            ];
            text.Append("| ").Append(string.Join(" | ", cells.Select(Escape))).Append(" |\n");
        }

        text.Append('\n').Append(CalibrationFigures.Summary(rows)).Append(".\n");
        text.Append(End);
        return text.ToString();
    }

    /// <summary>The page with its table replaced; null when the page lacks the markers, each on a line of its own, in order.</summary>
    public static string? Splice(string page, IReadOnlyList<CalibrationRow> rows)
    {
        var start = MarkerLine(page, Begin, 0);
        var end = start < 0 ? -1 : MarkerLine(page, End, start);
        if (end < 0)
        {
            return null;
        }

        return page[..start] + Table(rows) + page[(end + End.Length)..];
    }

    /// <summary>
    /// Where the marker stands alone on a line, from <paramref name="from"/>; -1 when it does not. A marker quoted in
    /// the page's prose (this page explains them) is not one.
    /// </summary>
    private static int MarkerLine(string page, string marker, int from)
    {
        for (var at = page.IndexOf(marker, from, StringComparison.Ordinal); at >= 0; at = page.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var after = at + marker.Length;
            if ((at == 0 || page[at - 1] == '\n') && (after == page.Length || page[after] is '\n' or '\r'))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>A cell is one line, and a pipe in a title or source would split it.</summary>
    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
