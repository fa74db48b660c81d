using VirtLang.Compiler.Symbols;
using VirtLang.Runtime.Reports;

namespace VirtLang.Compiler.Graphs;

/// <summary>
/// The topology drawn as SVG without Graphviz: hosts down the left, each a box listing its guests (VMs solid,
/// containers dashed), applications down the right, placed level with the guests that run them, and a curve from
/// each guest to each application it runs. Deterministic; every name is escaped by <see cref="SvgWriter"/>.
/// <see cref="Render"/> is for the HTML report, whose stylesheet colours it; <see cref="RenderStandalone"/> carries
/// its own style, since an SVG file opened by itself has no stylesheet and unstyled shapes fill black.
/// </summary>
public static class TopologySvg
{
    private const double Margin = 10;
    private const double HostWidth = 360;
    private const double HostHeader = 26;
    private const double RowHeight = 22;
    private const double RowGap = 4;
    private const double HostGap = 14;
    private const double AppX = 540;
    private const double AppWidth = 200;
    private const double AppHeight = 24;
    private const double AppSpacing = 30;
    private const double CharWidth = 7;

    /// <summary>
    /// The report's light palette for each class the drawing uses, on a white backdrop of its own, so the file reads
    /// the same on any page or viewer. Kept in step with <c>HtmlReport</c>'s rules for the same classes.
    /// </summary>
    internal const string StandaloneStyle =
        ".topology { font-family: system-ui, sans-serif; } .backdrop { fill: #ffffff; } " +
        "text { fill: #1d2330; font-size: 12px; } " +
        ".host { fill: #f4f6fa; stroke: #d5dae3; } .host-title { font-weight: 600; } " +
        ".guest { fill: #ffffff; stroke: #2f6fdb; } .container { fill: #ffffff; stroke: #3aa45b; stroke-dasharray: 4 2; } " +
        ".app { fill: #f4f6fa; stroke: #1d2330; } .edge { fill: none; stroke: #5b6474; stroke-width: 1; }";

    /// <summary>The drawing for the HTML report, styled by the report's stylesheet.</summary>
    public static string Render(SemanticModel model) => Draw(model, standalone: false);

    /// <summary>The drawing as a file of its own (<c>vdl graph --format svg</c>): its style inside, on white.</summary>
    public static string RenderStandalone(SemanticModel model) => Draw(model, standalone: true);

    private static string Draw(SemanticModel model, bool standalone)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new List<(double X, double Y, ApplicationSymbol App)>();
        var boxes = new List<Action<SvgWriter>>();
        var y = Margin;
        foreach (var host in model.Hosts)
        {
            var top = y;
            var hostRows = new List<(string Label, string Class, IReadOnlyList<ApplicationSymbol> Runs)>();
            foreach (var guest in host.Guests)
            {
                hostRows.Add((NodeLabels.Guest(guest, withSize: true), guest.IsVm ? "guest" : "guest container", guest.Runs));
            }

            if (host.Runs.Count > 0)
            {
                hostRows.Add(("host OS", "guest", host.Runs));
            }

            var height = HostHeader + hostRows.Count * (RowHeight + RowGap) + 6;
            var title = NodeLabels.Host(host, withMode: true);
            var rowTops = new double[hostRows.Count];
            for (var r = 0; r < hostRows.Count; r++)
            {
                rowTops[r] = top + HostHeader + r * (RowHeight + RowGap);
                foreach (var app in hostRows[r].Runs)
                {
                    rows.Add((Margin + HostWidth - 10, rowTops[r] + RowHeight / 2, app));
                }
            }

            boxes.Add(svg =>
            {
                svg.Group();
                svg.RectWithTitle(Margin, top, HostWidth, height, "host", title);
                svg.TextElement("text", Fit(title, HostWidth - 16), ("x", Margin + 8), ("y", top + 17), ("class", "host-title"));
                for (var r = 0; r < hostRows.Count; r++)
                {
                    svg.RectWithTitle(Margin + 10, rowTops[r], HostWidth - 20, RowHeight, hostRows[r].Class, hostRows[r].Label);
                    svg.TextElement("text", Fit(hostRows[r].Label, HostWidth - 36), ("x", Margin + 18), ("y", rowTops[r] + 15));
                }

                svg.Close();
            });
            y = top + height + HostGap;
        }

        var hostsBottom = y;
        var apps = PlaceApplications(model.Applications, rows);
        var total = Math.Max(hostsBottom, apps.Count == 0 ? 0 : apps.Values.Max() + AppHeight + Margin);
        var drawingWidth = AppX + AppWidth + Margin;
        var drawingHeight = Math.Max(total, 40);
        var svgWriter = new SvgWriter(drawingWidth, drawingHeight, "The topology: hosts, their guests and the applications they run", "topology");
        if (standalone)
        {
            svgWriter.TextElement("style", StandaloneStyle);
            svgWriter.Element("rect", ("x", 0), ("y", 0), ("width", drawingWidth), ("height", drawingHeight), ("class", "backdrop"));
        }

        foreach (var (x, rowY, app) in rows)
        {
            var appY = apps[app] + AppHeight / 2;
            var mid = (x + AppX) / 2;
            svgWriter.Element("path", ("d", $"M{SvgWriter.N(x)},{SvgWriter.N(rowY)} C{SvgWriter.N(mid)},{SvgWriter.N(rowY)} {SvgWriter.N(mid)},{SvgWriter.N(appY)} {SvgWriter.N(AppX)},{SvgWriter.N(appY)}"), ("class", "edge"));
        }

        foreach (var box in boxes)
        {
            box(svgWriter);
        }

        foreach (var app in model.Applications)
        {
            var label = app.Name;
            svgWriter.RectWithTitle(AppX, apps[app], AppWidth, AppHeight, "app", "application " + label);
            svgWriter.TextElement("text", Fit(label, AppWidth - 16), ("x", AppX + 8), ("y", apps[app] + 16));
        }

        return svgWriter.ToString();
    }

    /// <summary>
    /// Each application as near as it can be to the mean height of the guests that run it, in that order, never
    /// closer than <see cref="AppSpacing"/> to the one above; applications nobody runs go last.
    /// </summary>
    private static Dictionary<ApplicationSymbol, double> PlaceApplications(
        IReadOnlyList<ApplicationSymbol> applications, List<(double X, double Y, ApplicationSymbol App)> rows)
    {
        var wanted = applications.Select((app, index) =>
        {
            var ys = rows.Where(r => r.App == app).Select(r => r.Y).ToList();
            return (App: app, Y: ys.Count == 0 ? double.MaxValue : ys.Average() - AppHeight / 2, Index: index);
        }).OrderBy(p => p.Y).ThenBy(p => p.Index).ToList();
        var placed = new Dictionary<ApplicationSymbol, double>();
        var next = Margin;
        foreach (var (app, wantedY, _) in wanted)
        {
            var at = wantedY == double.MaxValue ? next : Math.Max(wantedY, next);
            placed[app] = at;
            next = at + AppSpacing;
        }

        return placed;
    }

    /// <summary>Text cut to what fits the width, with an ellipsis; SVG text does not wrap or clip by itself.</summary>
    private static string Fit(string text, double width)
    {
        var max = (int)(width / CharWidth);
        return text.Length <= max ? text : text[..Math.Max(1, max - 1)] + "…";
    }
}
