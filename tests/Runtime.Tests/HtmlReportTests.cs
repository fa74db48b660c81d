using System.Globalization;
using System.Xml.Linq;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Reports;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

public class HtmlReportTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>\"'&";

    private static SimulationResult Run(string hostName = "h1", int hosts = 1)
    {
        var app = App("web", 2, 0.5);
        var list = Enumerable.Range(0, hosts)
            .Select(i => Host(i == 0 ? hostName : $"h{i + 1}", 8, Free(HypervisorKind.BareMetal), [Vm("vm" + i, 2, app)]))
            .ToList();
        return Simulator.Run(new Topology { Hosts = list }, Day(new CrashEvent(Hours(3), "vm0")));
    }

    [Fact]
    public void The_hosts_table_shows_capacity_and_who_did_the_io_work()
    {
        var hosted = new HypervisorSpec(HypervisorKind.Hosted, Acceleration.Software);
        var result = Simulator.Run(new Topology { Hosts = [Host("dev", 8, hosted, [Vm("v", 4, App("db", 1, io: IoClass.Heavy))])] }, Day());
        var html = HtmlReport.Render(result, "m.vdl");
        var mean = result.Hosts[0].IoCoreHours / 24;
        Assert.True(mean > 1);
        Assert.Contains($"<td>{mean.ToString("0.00", CultureInfo.InvariantCulture)} cores, host process</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>cores</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_model_is_escaped_everywhere_it_appears()
    {
        var html = HtmlReport.Render(Run(Hostile), Hostile);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_chart_is_well_formed_svg_with_a_line_per_host_and_a_bar_per_application()
    {
        var result = Run(hosts: 3);
        var utilization = XDocument.Parse(UtilizationChart.Render(result)!);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(svg + "svg", utilization.Root!.Name);
        Assert.Equal(3, utilization.Descendants(svg + "polyline").Count());

        var availability = XDocument.Parse(AvailabilityTimeline.Render(result));
        var rects = availability.Descendants(svg + "rect").ToList();
        Assert.Single(rects, r => (string?)r.Attribute("class") == "up");
        Assert.DoesNotContain(rects, r => (string?)r.Attribute("class") == "down"); // three replicas: one crash is no outage
        Assert.Equal(result.Events.Count, rects.Count(r => ((string?)r.Attribute("class"))!.StartsWith("event ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_outage_sits_where_it_happened_on_the_timeline()
    {
        var result = Run();
        var outage = Assert.Single(Assert.Single(result.Applications).Outages);
        var availability = XDocument.Parse(AvailabilityTimeline.Render(result));
        var down = availability.Descendants().Single(e => (string?)e.Attribute("class") == "down");
        var up = availability.Descendants().Single(e => (string?)e.Attribute("class") == "up");
        var (barX, barWidth) = (double.Parse(up.Attribute("x")!.Value, CultureInfo.InvariantCulture), double.Parse(up.Attribute("width")!.Value, CultureInfo.InvariantCulture));
        var x = double.Parse(down.Attribute("x")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(barX + barWidth * outage.From / (24 * 60), x, 0.1);
        Assert.Contains("down from 3h to", down.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_run_gives_the_same_bytes_whatever_the_culture()
    {
        var result = Run(hosts: 2);
        var invariant = HtmlReport.Render(result, "model.vdl");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A German-style culture built by hand: this machine may run in globalization-invariant mode, without "de-DE".
            var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            commaCulture.NumberFormat.NumberGroupSeparator = ".";
            commaCulture.NumberFormat.PercentDecimalSeparator = ",";
            CultureInfo.CurrentCulture = commaCulture;
            Assert.Equal(invariant, HtmlReport.Render(result, "model.vdl"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.DoesNotContain("0,5", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_large_run_draws_the_first_hosts_and_says_so()
    {
        var result = Run(hosts: UtilizationChart.MaxPanels + 3);
        var html = HtmlReport.Render(result, "big.vdl");
        Assert.Contains($"The first {UtilizationChart.MaxPanels} of {UtilizationChart.MaxPanels + 3} hosts are drawn", html, StringComparison.Ordinal);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(UtilizationChart.MaxPanels, XDocument.Parse(UtilizationChart.Render(result)!).Descendants(svg + "polyline").Count());
    }

    [Fact]
    public void A_run_without_series_says_so_instead_of_drawing_empty_panels()
    {
        var app = App("web", 2);
        var result = Simulator.Run(new Topology { Hosts = [Host("h1", 4, runs: [app])] }, Day(), new SimulationOptions { RecordSeries = false });
        Assert.Null(UtilizationChart.Render(result));
        Assert.Contains("This run recorded no utilization series.", HtmlReport.Render(result, "m.vdl"), StringComparison.Ordinal);
    }
}
