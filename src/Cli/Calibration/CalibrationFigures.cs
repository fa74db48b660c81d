using System.Globalization;

namespace VirtLang.Cli.Calibration;

/// <summary>How every view (terminal, Markdown) shows a row's figures, so the two always agree.</summary>
internal static class CalibrationFigures
{
    public static string Published(CalibrationRow row) => row.Expectation.Metric.Format(row.Expectation.Published);

    public static string Simulated(CalibrationRow row) => row.Simulated is { } value ? row.Expectation.Metric.Format(value) : "-";

    public static string Deviation(CalibrationRow row) => row.Deviation is { } deviation
        ? (deviation * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %"
        : "-";

    public static string Tolerance(CalibrationRow row) =>
        "±" + (row.Expectation.Tolerance * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Status(CalibrationStatus status) => status switch
    {
        CalibrationStatus.Ok => "ok",
        CalibrationStatus.Off => "off",
        CalibrationStatus.Untargeted => "untargeted",
        _ => "error",
    };

    public static string Confidence(CalibrationConfidence confidence) => confidence.ToString().ToLowerInvariant();

    public static string Role(CalibrationRole role) => role == CalibrationRole.HeldOut ? "held-out" : "fitted";

    /// <summary>"12 rows: 6 ok, 1 off, 1 untargeted, 4 error": the last line of the table and of the Markdown.</summary>
    public static string Summary(IReadOnlyList<CalibrationRow> rows)
    {
        var counts = Enum.GetValues<CalibrationStatus>()
            .Select(status => (status, count: rows.Count(r => r.Status == status)))
            .Where(c => c.count > 0)
            .Select(c => $"{c.count} {Status(c.status)}");
        return $"{rows.Count} row{(rows.Count == 1 ? "" : "s")}: {string.Join(", ", counts)}";
    }
}
