using System.Globalization;
using System.Text;
using VirtLang.Runtime.Reports;

namespace VirtLang.Sweeps;

/// <summary>
/// A sweep as one self-contained HTML page, like <c>vdl run --report</c>'s: inline CSS and SVG, no script, nothing to
/// fetch (a Content-Security-Policy of <c>default-src 'none'</c>), every model text escaped. For each application the
/// distribution of its downtime over the replications as a histogram (the axis gives the availability too), then the
/// tables of applications, hosts and expectations. The same result gives the same bytes.
/// </summary>
public static class SweepHtmlReport
{
    /// <summary>Applications drawn as histograms; beyond, the table and the CSV have them.</summary>
    public const int MaxCharts = 60;

    private const double Width = 440;
    private const double Height = 180;
    private const double Left = 44;
    private const double Bottom = 40;
    private const double Top = 24;

    public static string Render(SweepResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(title);
        var d = result.Description;
        var html = new StringBuilder();
        html.Append(I($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="VirtLang">
            <title>{E(title)} · sweep of {E(d.Scenario)}</title>
            <style>
            {Css}
            </style>
            </head>
            <body>
            <header>
            <h1>{E(title)}</h1>
            <p class="subtitle">Sweep of scenario <b>{E(d.Scenario)}</b>: {result.Replications.ToString("N0", CultureInfo.InvariantCulture)} replications of {Fixed(d.DurationMinutes / 60, "0.##")} h, base seed {d.BaseSeed}. Model <code>{E(d.ModelHash[..Math.Min(16, d.ModelHash.Length)])}</code>. Intervals are 95 %.</p>
            </header>

            """));
        Cards(html, result);

        html.Append("<section id=\"distributions\">\n<h2>Downtime over the replications</h2>\n");
        if (result.Applications.Count == 0)
        {
            html.Append("<p class=\"note\">The model has no application.</p>\n");
        }
        else
        {
            html.Append("<p class=\"note\">Per application: how many replications had how much downtime (the lower axis gives the availability). Hover a bar for its counts.");
            if (result.Applications.Count > MaxCharts)
            {
                html.Append(CultureInfo.InvariantCulture, $" The first {MaxCharts} of {result.Applications.Count} applications are drawn; the CSV (<code>--csv</code>) has every one.");
            }

            html.Append("</p>\n<div class=\"charts\">\n");
            foreach (var app in result.Applications.Take(MaxCharts))
            {
                html.Append(Histogram(app, d.DurationMinutes));
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
        Tables(html, result);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Cards(StringBuilder html, SweepResult result)
    {
        html.Append("<section class=\"cards\">\n");
        Card(html, "replications", result.Replications.ToString("N0", CultureInfo.InvariantCulture), I($"of {result.Description.Runs:N0} asked"));
        if (result.Applications.Count > 0)
        {
            var worst = result.Applications.MinBy(a => a.Availability.Estimate)!;
            Card(html, "lowest mean availability", Percent(worst.Availability.Estimate), I($"{worst.Name}, {Percent(worst.Availability.Low)} to {Percent(worst.Availability.High)}"));
            var longest = result.Applications.MaxBy(a => a.DowntimeMinutes.P95)!;
            Card(html, "worst p95 downtime", Fixed(longest.DowntimeMinutes.P95, "0.#") + " min", longest.Name);
        }

        if (result.Hosts.Count > 0)
        {
            var busiest = result.Hosts.MaxBy(h => h.P95Utilization)!;
            Card(html, "busiest host (p95)", Percent(busiest.P95Utilization, "0.0"), busiest.Name);
        }

        html.Append("</section>\n");
    }

    private static string Histogram(ApplicationSweep app, double durationMinutes)
    {
        var svg = new SvgWriter(Width, Height, $"Downtime of {app.Name} over the replications", "chart histogram");
        svg.TextElement("text", app.Name, ("x", Left), ("y", 14.0), ("class", "panel-title"));
        var plotWidth = Width - Left - 8;
        var plotHeight = Height - Top - Bottom;
        svg.Element("rect", ("x", Left), ("y", Top), ("width", plotWidth), ("height", plotHeight), ("class", "plot"));
        var bins = app.DowntimeHistogram;
        var tallest = bins.Count == 0 ? 1 : Math.Max(1, bins.Max(b => b.Count));
        svg.TextElement("text", tallest.ToString(CultureInfo.InvariantCulture), ("x", Left - 4), ("y", Top + 10), ("class", "axis"), ("text-anchor", "end"));
        svg.TextElement("text", "0", ("x", Left - 4), ("y", Top + plotHeight), ("class", "axis"), ("text-anchor", "end"));
        var barWidth = plotWidth / Math.Max(1, bins.Count);
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            var h = plotHeight * bin.Count / tallest;
            svg.RectWithTitle(Left + (i * barWidth) + 1, Top + plotHeight - h, Math.Max(barWidth - 2, 1), h, "bar",
                I($"{bin.Count:N0} replications with {Fixed(bin.From, "0.##")} to {Fixed(bin.To, "0.##")} min down (availability {Percent(Availability(bin.To, durationMinutes))} to {Percent(Availability(bin.From, durationMinutes))})"));
        }

        var first = bins.Count == 0 ? 0 : bins[0].From;
        var last = bins.Count == 0 ? 0 : bins[^1].To;
        var axis = Top + plotHeight + 14;
        svg.TextElement("text", Fixed(first, "0.#") + " min", ("x", Left), ("y", axis), ("class", "axis"));
        svg.TextElement("text", Fixed(last, "0.#") + " min", ("x", Left + plotWidth), ("y", axis), ("class", "axis"), ("text-anchor", "end"));
        svg.TextElement("text", Percent(Availability(first, durationMinutes)), ("x", Left), ("y", axis + 14), ("class", "axis"));
        svg.TextElement("text", Percent(Availability(last, durationMinutes)), ("x", Left + plotWidth), ("y", axis + 14), ("class", "axis"), ("text-anchor", "end"));
        return svg.ToString();
    }

    private static double Availability(double downtimeMinutes, double durationMinutes) =>
        durationMinutes > 0 ? Math.Clamp(1 - (downtimeMinutes / durationMinutes), 0, 1) : 1;

    private static void Tables(StringBuilder html, SweepResult result)
    {
        html.Append("<section id=\"applications\">\n<h2>Applications</h2>\n");
        Table(html, ["application", "availability (mean)", "95 % interval", "lowest", "served (mean)", "downtime p50", "p95", "p99", "max", "slowdown"],
            result.Applications.Select(a => new[]
            {
                a.Name, Percent(a.Availability.Estimate), Percent(a.Availability.Low) + " – " + Percent(a.Availability.High), Percent(a.MinAvailability),
                Percent(a.Served.Estimate), Minutes(a.DowntimeMinutes.P50), Minutes(a.DowntimeMinutes.P95), Minutes(a.DowntimeMinutes.P99),
                Minutes(a.DowntimeMinutes.Max), Fixed(a.MeanSlowdown, "0.00") + "x",
            }));
        html.Append("</section>\n<section id=\"hosts\">\n<h2>Hosts</h2>\n");
        Table(html, ["host", "utilization (mean)", "p95 (mean)", "p95 (highest)", "down (mean)"], result.Hosts.Select(h => new[]
        {
            h.Name, Percent(h.MeanUtilization, "0.0"), Percent(h.P95Utilization, "0.0"), Percent(h.MaxP95Utilization, "0.0"), Minutes(h.DowntimeMinutes),
        }));
        if (result.Sites.Count > 0)
        {
            html.Append("</section>\n<section id=\"sites\">\n<h2>Sites</h2>\n");
            Table(html, ["site", "hosts down (mean)", "hosts down (p95)", "failovers (mean)", "failovers (most)", "failover wait (mean)", "failover wait (p95)"], result.Sites.Select(s => new[]
            {
                s.Name, Minutes(s.HostDowntimeMinutes.Mean), Minutes(s.HostDowntimeMinutes.P95), Fixed(s.FailoversMean, "0.##"), I($"{s.FailoversMax:N0}"),
                Minutes(s.FailoverWaitMinutes.Mean), Minutes(s.FailoverWaitMinutes.P95),
            }));
        }

        html.Append("</section>\n<section id=\"expectations\">\n<h2>Expectations</h2>\n");
        if (result.Expectations.Count == 0)
        {
            html.Append("<p class=\"note\">The scenario states no expectation.</p>\n");
        }
        else
        {
            Table(html, ["expectation", "held", "probability", "95 % interval"], result.Expectations.Select(e => new[]
            {
                e.Statement.Length > 0 ? e.Statement : I($"#{e.Index + 1}"), I($"{e.Held:N0} of {result.Replications:N0}"), Percent(e.Probability.Estimate, "0.0"),
                Percent(e.Probability.Low, "0.0") + " – " + Percent(e.Probability.High, "0.0"),
            }));
        }

        html.Append("</section>\n");
    }

    private static void Card(StringBuilder html, string label, string value, string detail) =>
        html.Append($"<div class=\"card\"><div class=\"card-label\">{E(label)}</div><div class=\"card-value\">{E(value)}</div><div class=\"card-detail\">{E(detail)}</div></div>\n");

    private static void Table(StringBuilder html, string[] header, IEnumerable<string[]> rows)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var h in header)
        {
            html.Append("<th>").Append(E(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => SvgWriter.Escape(text);

    private static string Fixed(double value, string format) => SweepNumbers.Rounded(value).ToString(format, CultureInfo.InvariantCulture);

    private static string Minutes(double value) => Fixed(value, "0.#") + " min";

    private static string Percent(double fraction, string format = "0.000") => Fixed(fraction * 100, format) + " %";

    private const string Css = """
        :root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6474; --bg: #ffffff; --panel: #f4f6fa; --line: #d5dae3; --accent: #2f6fdb; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e3e7ee; --muted: #9aa3b2; --bg: #161a21; --panel: #1f252e; --line: #323a46; --accent: #6ea2ff; } }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 24px auto; max-width: 960px; padding: 0 16px; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .subtitle, .note { color: var(--muted); margin: 4px 0 12px; }
        code { font-family: ui-monospace, "SF Mono", Consolas, monospace; font-size: 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
        .card { background: var(--panel); border-radius: 8px; padding: 10px 14px; min-width: 150px; flex: 1; }
        .card-label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card-value { font-size: 22px; font-weight: 600; } .card-detail { color: var(--muted); font-size: 12px; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        svg { display: block; max-width: 100%; height: auto; }
        svg text { fill: var(--fg); font-size: 12px; font-family: system-ui, sans-serif; }
        svg .axis { fill: var(--muted); font-size: 10px; } svg .panel-title { font-size: 12px; font-weight: 600; }
        svg .plot { fill: var(--panel); stroke: none; } svg .bar { fill: var(--accent); }
        table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; }
        th { color: var(--muted); font-weight: 600; } td:not(:first-child) { white-space: nowrap; }
        """;
}
