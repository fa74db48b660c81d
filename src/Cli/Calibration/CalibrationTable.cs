using VirtLang.Cli.Rendering;

namespace VirtLang.Cli.Calibration;

/// <summary>The terminal view of a calibration run: one aligned line per expect row, then the counts.</summary>
internal static class CalibrationTable
{
    public static void Write(IReadOnlyList<CalibrationRow> rows, TextWriter output)
    {
        string[] header = ["experiment", "metric", "published", "simulated", "deviation", "tolerance", "status"];
        var lines = rows.Select(row => new[]
        {
            row.Experiment,
            $"{row.Expectation.Metric.Name} {row.Expectation.Subject}",
            CalibrationFigures.Published(row),
            CalibrationFigures.Simulated(row),
            CalibrationFigures.Deviation(row),
            CalibrationFigures.Tolerance(row),
            CalibrationFigures.Status(row.Status) + (row.Message is { } message ? $": {message}" : ""),
        }).Prepend(header).ToList();

        // Names align left, figures right; the status is last and not padded.
        bool[] leftAligned = [true, true, false, false, false, false, true];
        var widths = header.Select((_, i) => lines.Max(line => line[i].Length)).ToArray();
        foreach (var line in lines)
        {
            var cells = line.Select((cell, i) => i == line.Length - 1 ? cell : leftAligned[i] ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            output.WriteLine(TerminalText.Sanitize(string.Join("  ", cells).TrimEnd()));
        }

        output.WriteLine();
        output.WriteLine(CalibrationFigures.Summary(rows) + ".");
    }
}
