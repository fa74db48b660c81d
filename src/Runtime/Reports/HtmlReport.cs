using System.Globalization;
using System.Text;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Results;

namespace VirtLang.Runtime.Reports;

/// <summary>
/// A run as one self-contained HTML page: inline CSS and inline SVG charts (utilization per host, availability per
/// application, and the topology when the caller draws one), then the tables. No script, no font, no image, no
/// link to fetch: a Content-Security-Policy of <c>default-src 'none'</c> says so to the browser too. Every text from
/// the model is escaped. The same result gives the same bytes.
/// </summary>
public static class HtmlReport
{
    /// <summary>Rows of the event table beyond which the page says how many it left out (the JSON has them all).</summary>
    public const int MaxEventRows = 500;

    /// <param name="result">The run.</param>
    /// <param name="title">What the page is about, usually the model's file name.</param>
    /// <param name="topologySvg">The topology as SVG markup made by a trusted writer (<see cref="SvgWriter"/>), or null.</param>
    public static string Render(SimulationResult result, string title, string? topologySvg = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(title);
        var html = new StringBuilder();
        html.Append(I($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="VirtLang">
            <title>{E(title)} · {E(result.Scenario)}</title>
            <style>
            {Css}
            </style>
            </head>
            <body>
            <header>
            <h1>{E(title)}</h1>
            <p class="subtitle">Scenario <b>{E(result.Scenario)}</b>: {SimTime.Format(result.Duration)} at {SimTime.Format(result.Step)} steps, seed {result.Seed}, {result.ProcessedEvents.ToString("N0", CultureInfo.InvariantCulture)} events. Fingerprint <code>{E(result.Fingerprint)}</code>.</p>
            </header>

            """));
        Cards(html, result);

        html.Append("<section id=\"utilization\">\n<h2>Utilization over time</h2>\n");
        if (UtilizationChart.Render(result) is { } utilization)
        {
            html.Append("<p class=\"note\">Per host: the line is the mean of each time bucket, the band its peak.");
            var drawn = result.Hosts.Count(h => h.Series.Count > 0);
            if (drawn > UtilizationChart.MaxPanels)
            {
                html.Append(CultureInfo.InvariantCulture, $" The first {UtilizationChart.MaxPanels} of {drawn} hosts are drawn; the CSV (<code>vdl run --csv</code>) has every one.");
            }

            html.Append("</p>\n").Append(utilization);
        }
        else
        {
            html.Append("<p class=\"note\">This run recorded no utilization series.</p>\n");
        }

        html.Append("</section>\n<section id=\"availability\">\n<h2>Availability</h2>\n")
            .Append("<p class=\"note\">Red: no instance of the application up. The top lane marks the scenario's events; hover for details.</p>\n")
            .Append(AvailabilityTimeline.Render(result))
            .Append("</section>\n");

        if (topologySvg is not null)
        {
            html.Append("<section id=\"topology\">\n<h2>Topology</h2>\n<div class=\"scroll\">\n").Append(topologySvg).Append("</div>\n</section>\n");
        }

        Tables(html, result);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Cards(StringBuilder html, SimulationResult result)
    {
        var c = result.Consolidation;
        var worst = result.Applications.Count == 0 ? 1 : result.Applications.Min(a => a.Availability);
        html.Append("<section class=\"cards\">\n");
        Card(html, "hosts used", Int(c.HostsUsed), I($"for {c.OneApplicationPerServerHosts} application instances ({c.Ratio:0.0}x)"));
        Card(html, "mean utilization", Percent(result.MeanUtilization), "over every host");
        Card(html, "slowdown", I($"{result.MeanSlowdown:0.00}x"), "demand-weighted, against bare hardware");
        Card(html, "energy", I($"{result.EnergyKilowattHours:0.0} kWh"), "every host, the whole run");
        Card(html, "lowest availability", Percent(worst, 3), "of any application");
        html.Append("</section>\n");
    }

    private static void Card(StringBuilder html, string label, string value, string detail) =>
        html.Append($"<div class=\"card\"><div class=\"card-label\">{E(label)}</div><div class=\"card-value\">{E(value)}</div><div class=\"card-detail\">{E(detail)}</div></div>\n");

    private static void Tables(StringBuilder html, SimulationResult result)
    {
        html.Append("<section id=\"hosts\">\n<h2>Hosts</h2>\n");
        var hours = result.Duration / (double)SimTime.TicksPerHour;
        Table(html, ["host", "hypervisor", "mode", "CPUs", "cores", "guests", "mean", "p95", "max", "steal", "I/O work", "memory used", "swapped", "energy", "down"], result.Hosts.Select(h => new[]
        {
            h.Name, h.Hypervisor, h.Mode, Int(h.LogicalCpus), Fixed(h.CapacityCores, "0.#"), Int(h.Guests), Percent(h.MeanUtilization), Percent(h.P95Utilization),
            Percent(h.MaxUtilization), Percent(h.StealFraction),
            h.IoCoreHours > 0 ? Fixed(h.IoCoreHours / hours, "0.00") + " cores, " + h.IoWorker.Replace('_', ' ') : "-",
            Gib(h.MaxMemoryUsedBytes) + " of " + Gib(h.MemoryBytes), Gib(h.SwappedBytes), Fixed(h.EnergyKilowattHours, "0.0") + " kWh",
            Fixed(h.DowntimeMinutes, "0") + " min",
        }));
        html.Append("</section>\n<section id=\"applications\">\n<h2>Applications</h2>\n");
        Table(html, ["application", "instances", "demand", "served", "slowdown", "available", "down", "outages"], result.Applications.Select(a => new[]
        {
            a.Name, Int(a.Instances), Fixed(a.DemandCoreHours, "0.0") + " core-h", Percent(a.DemandSatisfied), Fixed(a.MeanSlowdown, "0.00") + "x",
            Percent(a.Availability, 3), Fixed(a.DowntimeMinutes, "0") + " min", Int(a.Outages.Count),
        }));
        if (result.Expectations.Count > 0)
        {
            // Only with `expect` statements: a report of a scenario without them is the same as before they existed.
            html.Append(CultureInfo.InvariantCulture, $"</section>\n<section id=\"expectations\">\n<h2>Expectations: {result.Expectations.Count(e => e.Held)} of {result.Expectations.Count} held</h2>\n");
            Table(html, ["expectation", "actual", "verdict", "at"], result.Expectations.Select(e => new[]
            {
                e.Statement, ExpectationEvaluation.FormatValue(e.Metric, e.Actual), e.Held ? "held" : "FAILED", e.Origin ?? "-",
            }));
        }

        if (result.Sites.Count > 0)
        {
            // Only with sites: each site's hosts and time down, then each failover of an application's last instance in a site.
            var down = result.Hosts.ToDictionary(h => h.Name, h => h.DowntimeMinutes, StringComparer.Ordinal);
            html.Append("</section>\n<section id=\"sites\">\n<h2>Sites</h2>\n");
            Table(html, ["site", "location", "hosts", "host downtime"], result.Sites.Select(site => new[]
            {
                site.Name, site.Location ?? "-", string.Join(", ", site.Hosts), Fixed(site.Hosts.Sum(h => down.GetValueOrDefault(h)), "0") + " host-min",
            }));
            if (result.Failovers.Count == 0)
            {
                html.Append("<p class=\"note\">No failover: no application lost its last instance in a site.</p>\n");
            }
            else
            {
                Table(html, ["application", "from site", "to", "lost at", "failed over at", "site back at", "unserved wait"], result.Failovers.Select(f => new[]
                {
                    f.Application, f.FromSite ?? "(no site)", f.ToSites.Count == 0 ? "-" : string.Join(", ", f.ToSites.Select(s => s ?? "(no site)")),
                    Minute(f.LostAtMinute), f.FailoverAtMinute is { } at ? Minute(at) : "-", f.BackAtMinute is { } back ? Minute(back) : "-",
                    Fixed(f.WaitMinutes, "0.#") + " min",
                }));
            }
        }

        html.Append("</section>\n<section id=\"events\">\n<h2>Events</h2>\n");
        if (result.Events.Count == 0)
        {
            html.Append("<p class=\"note\">No events: the scenario only let time pass.</p>\n");
        }
        else
        {
            Table(html, ["at", "event", "subject", "detail"], result.Events.Take(MaxEventRows).Select(e => new[] { SimTime.Format(e.Time), e.Kind, e.Subject, e.Detail }));
            if (result.Events.Count > MaxEventRows)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">The first {MaxEventRows} of {result.Events.Count} events; the JSON (<code>vdl run --json</code>) has every one.</p>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static string Minute(double minute) => SimTime.Format(SimTime.FromMinutes(minute));

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

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double fraction, int decimals = 1) =>
        (fraction * 100).ToString(decimals == 1 ? "0.0" : "0.000", CultureInfo.InvariantCulture) + " %";

    private static string Gib(long bytes) => ((double)bytes / (1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";

    private const string Css = """
        :root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6474; --bg: #ffffff; --panel: #f4f6fa; --line: #d5dae3; --accent: #2f6fdb; --peak: #9dbcf0; --up: #3aa45b; --down: #d83a3a; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e3e7ee; --muted: #9aa3b2; --bg: #161a21; --panel: #1f252e; --line: #323a46; --accent: #6ea2ff; --peak: #2d4a7a; } }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 24px auto; max-width: 960px; padding: 0 16px; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .subtitle, .note { color: var(--muted); margin: 4px 0 12px; }
        code { font-family: ui-monospace, "SF Mono", Consolas, monospace; font-size: 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
        .card { background: var(--panel); border-radius: 8px; padding: 10px 14px; min-width: 150px; flex: 1; }
        .card-label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card-value { font-size: 22px; font-weight: 600; } .card-detail { color: var(--muted); font-size: 12px; }
        svg { display: block; max-width: 100%; height: auto; } .scroll { overflow-x: auto; } .scroll svg { max-width: none; }
        svg text { fill: var(--fg); font-size: 12px; font-family: system-ui, sans-serif; }
        svg .axis { fill: var(--muted); font-size: 10px; } svg .panel-title { font-size: 12px; font-weight: 600; }
        svg .plot { fill: var(--panel); stroke: none; } svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .peak { fill: var(--peak); stroke: none; } svg .mean { fill: none; stroke: var(--accent); stroke-width: 1.5; }
        svg .up { fill: var(--up); } svg .down { fill: var(--down); } svg .lane { stroke: var(--line); stroke-width: 2; }
        svg .event { fill: var(--muted); } svg .event-fail, svg .event-crash { fill: var(--down); } svg .event-patch { fill: #d9a400; } svg .event-repair, svg .event-restart { fill: var(--up); }
        svg .event-random-fail { fill: var(--down); } svg .event-random-repair { fill: var(--up); }
        svg .host { fill: var(--panel); stroke: var(--line); } svg .host-title { font-weight: 600; }
        svg .guest { fill: var(--bg); stroke: var(--accent); } svg .container { fill: var(--bg); stroke: var(--up); stroke-dasharray: 4 2; }
        svg .app { fill: var(--panel); stroke: var(--fg); } svg .edge { fill: none; stroke: var(--muted); stroke-width: 1; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; }
        td:not(:first-child):not(:last-child), th { white-space: nowrap; } th { color: var(--muted); font-weight: 600; }
        td:last-child { overflow-wrap: anywhere; }
        """;
}
