using System.Globalization;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Results;

namespace VirtLang.Runtime.Reports;

/// <summary>
/// Utilization over time, one small panel per host (two columns): the mean of each time bucket as a line over the
/// band of its maximum, so a short peak stays visible once many steps share a pixel. Hosts beyond
/// <see cref="MaxPanels"/> are not drawn (a very large model would give a page nobody can read); the CSV has them all.
/// </summary>
public static class UtilizationChart
{
    public const int MaxPanels = 64;

    private const double PanelWidth = 460;
    private const double PanelHeight = 120;
    private const double PlotLeft = 40;
    private const double PlotTop = 22;
    private const double PlotWidth = PanelWidth - PlotLeft - 12;
    private const double PlotHeight = PanelHeight - PlotTop - 22;
    private const int Buckets = 200;

    /// <summary>The chart, or null when the run recorded no series.</summary>
    public static string? Render(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var hosts = result.Hosts.Where(h => h.Series.Count > 0).Take(MaxPanels).ToList();
        if (hosts.Count == 0)
        {
            return null;
        }

        var rows = (hosts.Count + 1) / 2;
        var svg = new SvgWriter(PanelWidth * 2, PanelHeight * rows, "Utilization over time per host", "chart utilization");
        for (var i = 0; i < hosts.Count; i++)
        {
            svg.Group(("transform", $"translate({SvgWriter.N(i % 2 * PanelWidth)},{SvgWriter.N(i / 2 * PanelHeight)})"), ("class", "panel"));
            Panel(svg, hosts[i], result.Duration);
            svg.Close();
        }

        return svg.ToString();
    }

    private static void Panel(SvgWriter svg, HostResult host, long duration)
    {
        svg.TextElement("text", string.Create(CultureInfo.InvariantCulture,
            $"{host.Name} · {host.Hypervisor} · mean {host.MeanUtilization * 100:0.0} %, p95 {host.P95Utilization * 100:0.0} %"),
            ("x", PlotLeft), ("y", 14.0), ("class", "panel-title"));
        svg.Element("rect", ("x", PlotLeft), ("y", PlotTop), ("width", PlotWidth), ("height", PlotHeight), ("class", "plot"));
        foreach (var level in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Y(level);
            svg.Element("line", ("x1", PlotLeft), ("y1", y), ("x2", PlotLeft + PlotWidth), ("y2", y), ("class", "grid"));
            svg.TextElement("text", $"{level * 100:0} %", ("x", PlotLeft - 4), ("y", y + 4), ("class", "axis"), ("text-anchor", "end"));
        }

        var (means, maxima) = Bucket(host.Series);
        var band = new System.Text.StringBuilder();
        band.Append(SvgWriter.N(X(0, means.Length))).Append(',').Append(SvgWriter.N(Y(0)));
        for (var b = 0; b < maxima.Length; b++)
        {
            band.Append(' ').Append(SvgWriter.N(X(b, maxima.Length))).Append(',').Append(SvgWriter.N(Y(maxima[b])));
        }

        band.Append(' ').Append(SvgWriter.N(X(maxima.Length - 1, maxima.Length))).Append(',').Append(SvgWriter.N(Y(0)));
        svg.Element("polygon", ("points", band.ToString()), ("class", "peak"));

        var line = new System.Text.StringBuilder();
        for (var b = 0; b < means.Length; b++)
        {
            line.Append(b == 0 ? string.Empty : " ").Append(SvgWriter.N(X(b, means.Length))).Append(',').Append(SvgWriter.N(Y(means[b])));
        }

        svg.Element("polyline", ("points", line.ToString()), ("class", "mean"));
        svg.TextElement("text", "0", ("x", PlotLeft), ("y", PlotTop + PlotHeight + 14), ("class", "axis"));
        svg.TextElement("text", SimTime.Format(duration / 2), ("x", PlotLeft + PlotWidth / 2), ("y", PlotTop + PlotHeight + 14), ("class", "axis"), ("text-anchor", "middle"));
        svg.TextElement("text", SimTime.Format(duration), ("x", PlotLeft + PlotWidth), ("y", PlotTop + PlotHeight + 14), ("class", "axis"), ("text-anchor", "end"));
    }

    /// <summary>Mean and maximum per bucket; a series shorter than the bucket count keeps one bucket per step.</summary>
    private static (double[] Means, double[] Maxima) Bucket(IReadOnlyList<float> series)
    {
        var count = Math.Min(Buckets, series.Count);
        var means = new double[count];
        var maxima = new double[count];
        for (var b = 0; b < count; b++)
        {
            var from = (int)((long)b * series.Count / count);
            var to = Math.Max(from + 1, (int)((long)(b + 1) * series.Count / count));
            double sum = 0, max = 0;
            for (var i = from; i < to; i++)
            {
                sum += series[i];
                max = Math.Max(max, series[i]);
            }

            means[b] = sum / (to - from);
            maxima[b] = max;
        }

        return (means, maxima);
    }

    private static double X(int bucket, int count) => PlotLeft + (count <= 1 ? 0 : PlotWidth * bucket / (count - 1));

    private static double Y(double utilization) => PlotTop + PlotHeight * (1 - Math.Clamp(utilization, 0, 1));
}
