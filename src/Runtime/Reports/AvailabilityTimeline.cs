using System.Globalization;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Results;

namespace VirtLang.Runtime.Reports;

/// <summary>
/// Availability over time, one row per application: a bar for the run with its outages (no instance up) marked,
/// and above them a lane with the scenario's events (failures, crashes, patches, migrations). Hovering any mark
/// shows what it is.
/// </summary>
public static class AvailabilityTimeline
{
    private const double Width = 920;
    private const double LabelWidth = 170;
    private const double ValueWidth = 90;
    private const double BarWidth = Width - LabelWidth - ValueWidth;
    private const double RowHeight = 26;
    private const double Top = 40;

    public static string Render(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var height = Top + RowHeight * result.Applications.Count + 28;
        var svg = new SvgWriter(Width, height, "Availability per application over time", "chart availability");
        var minutes = Math.Max(SimTime.ToMinutes(result.Duration), 1e-9);

        svg.TextElement("text", "events", ("x", LabelWidth - 8), ("y", 22.0), ("class", "label"), ("text-anchor", "end"));
        svg.Element("line", ("x1", LabelWidth), ("y1", 18.0), ("x2", LabelWidth + BarWidth), ("y2", 18.0), ("class", "lane"));
        // Failures and crashes drawn last, on top: a restart a minute later falls on the same pixel.
        foreach (var e in result.Events.OrderBy(e => e.Kind is "crash" or "fail" or "random-fail" ? 1 : 0))
        {
            var x = LabelWidth + BarWidth * Math.Clamp(SimTime.ToMinutes(e.Time) / minutes, 0, 1);
            svg.RectWithTitle(x - 2, 10, 4, 16, "event event-" + e.Kind, $"{SimTime.Format(e.Time)}: {e.Kind} {e.Subject}: {e.Detail}");
        }

        for (var i = 0; i < result.Applications.Count; i++)
        {
            var app = result.Applications[i];
            var y = Top + i * RowHeight;
            svg.TextElement("text", app.Name, ("x", LabelWidth - 8), ("y", y + 15), ("class", "label"), ("text-anchor", "end"));
            svg.RectWithTitle(LabelWidth, y + 3, BarWidth, RowHeight - 8, "up", string.Create(CultureInfo.InvariantCulture, $"{app.Name}: available {app.Availability * 100:0.000} %"));
            foreach (var (from, to) in app.Outages)
            {
                var x = LabelWidth + BarWidth * Math.Clamp(from / minutes, 0, 1);
                var w = Math.Max(BarWidth * Math.Clamp((to - from) / minutes, 0, 1), 2);
                svg.RectWithTitle(x, y + 3, w, RowHeight - 8, "down",
                    $"{app.Name} down from {SimTime.Format(SimTime.FromMinutes(from))} to {SimTime.Format(SimTime.FromMinutes(to))}");
            }

            svg.TextElement("text", string.Create(CultureInfo.InvariantCulture, $"{app.Availability * 100:0.000} %"),
                ("x", Width - 4), ("y", y + 15), ("class", "value"), ("text-anchor", "end"));
        }

        var axis = Top + RowHeight * result.Applications.Count + 16;
        svg.TextElement("text", "0", ("x", LabelWidth), ("y", axis), ("class", "axis"));
        svg.TextElement("text", SimTime.Format(result.Duration), ("x", LabelWidth + BarWidth), ("y", axis), ("class", "axis"), ("text-anchor", "end"));
        return svg.ToString();
    }
}
