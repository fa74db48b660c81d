using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VirtLang.Cli.Tests.Browser;

/// <summary>
/// The HTML report of the built-in example opened in a real headless Chromium: the browser must parse the inline SVG
/// as SVG with the expected elements, and its screenshot must show the charts drawn where the SVG sits.
/// </summary>
public sealed partial class HtmlReportBrowserTests : IDisposable
{
    private const int WindowWidth = 1000;

    private readonly TemporaryDirectory _temporary = new("vdl-report-");

    public void Dispose() => _temporary.Dispose();

    [ChromiumFact]
    public void TheReportsChartsRenderInChromium()
    {
        var run = VdlProcess.Run(_temporary.Path, "run", "--report", "report.html");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var report = Path.Combine(_temporary.Path, "report.html");
        var html = File.ReadAllText(report);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        // A copy that measures itself: the report's policy forbids scripts, so the probe loosens it in its copy only.
        var probePage = Path.Combine(_temporary.Path, "probe.html");
        File.WriteAllText(probePage, html
            .Replace("default-src 'none'; style-src 'unsafe-inline'", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'", StringComparison.Ordinal)
            .Replace("</body>", ProbeScript + "</body>", StringComparison.Ordinal));
        var dom = Chromium.Run(probePage, $"--window-size={WindowWidth},1000", "--dump-dom");
        var probe = ProbeOutput().Match(dom);
        Assert.True(probe.Success, "the probe script did not run:\n" + dom[..Math.Min(dom.Length, 2000)]);
        using var measured = JsonDocument.Parse(WebUtility.HtmlDecode(probe.Groups[1].Value));
        var root = measured.RootElement;

        var utilization = root.GetProperty("utilization");
        var availability = root.GetProperty("availability");
        var topology = root.GetProperty("topology");
        foreach (var chart in new[] { utilization, availability, topology })
        {
            Assert.True(chart.GetProperty("isSvg").GetBoolean(), "parsed as SVG");
            Assert.True(chart.GetProperty("bboxWidth").GetDouble() > 100, "the SVG content has a size");
        }

        // The built-in example: five hosts, four applications, web down for a minute while its kernel is patched.
        Assert.Equal(5, utilization.GetProperty("polyline").GetInt32());
        Assert.Equal(5, utilization.GetProperty("polygon").GetInt32());
        Assert.Equal(4, availability.GetProperty("rect.up").GetInt32());
        Assert.True(availability.GetProperty("rect.down").GetInt32() >= 1);
        Assert.True(availability.GetProperty("rect.event").GetInt32() >= 5);
        Assert.Equal(5, topology.GetProperty("rect.host").GetInt32());
        Assert.Equal(4, topology.GetProperty("rect.app").GetInt32());
        Assert.Equal(6, topology.GetProperty("path.edge").GetInt32());

        // The screenshot of the report itself (not the probe), tall enough for the whole page.
        var height = Math.Min(root.GetProperty("pageHeight").GetInt32() + 20, 12_000);
        var screenshot = Path.Combine(_temporary.Path, "report.png");
        Chromium.Run(report, $"--window-size={WindowWidth},{height}", $"--screenshot={screenshot}");
        var image = PngImage.Read(screenshot);
        Assert.Equal(WindowWidth, image.Width);

        var lines = Count(image, utilization, IsAccentBlue);
        Assert.True(lines > 500, $"the utilization lines are drawn in blue ({lines} pixels)");
        var up = Count(image, availability, IsGreen);
        var down = Count(image, availability, IsRed);
        Assert.True(up > 10_000, $"the availability bars are green ({up} pixels)");
        Assert.True(down > 10, $"outages and failures are marked in red ({down} pixels)");
        var ink = Count(image, topology, IsInk);
        var area = topology.GetProperty("width").GetDouble() * topology.GetProperty("height").GetDouble();
        Assert.True(ink > area * 0.02, $"the topology is drawn ({ink} of {area} pixels inked)");

        // And the page around the charts is the plain background the colour tests compare against.
        Assert.Equal((255, 255, 255), Tuple(image[WindowWidth - 2, 2]));
    }

    private static (int, int, int) Tuple((byte R, byte G, byte B) p) => (p.R, p.G, p.B);

    private static bool IsAccentBlue((byte R, byte G, byte B) p) => p.B > 170 && p.R < 130 && p.G < 170;

    private static bool IsGreen((byte R, byte G, byte B) p) => p.G > 130 && p.R < 110 && p.B < 130;

    private static bool IsRed((byte R, byte G, byte B) p) => p.R > 170 && p.G < 110 && p.B < 110;

    private static bool IsInk((byte R, byte G, byte B) p) => Math.Min(p.R, Math.Min(p.G, p.B)) < 200;

    /// <summary>How many pixels inside a measured element's box pass a test.</summary>
    private static int Count(PngImage image, JsonElement box, Func<(byte R, byte G, byte B), bool> test)
    {
        var (x0, y0) = ((int)box.GetProperty("x").GetDouble(), (int)box.GetProperty("y").GetDouble());
        var (x1, y1) = (x0 + (int)box.GetProperty("width").GetDouble(), y0 + (int)box.GetProperty("height").GetDouble());
        Assert.True(y1 <= image.Height && x1 <= image.Width, $"the element ({x0},{y0})-({x1},{y1}) is inside the {image.Width}x{image.Height} screenshot");
        var count = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                count += test(image[x, y]) ? 1 : 0;
            }
        }

        return count;
    }

    private const string ProbeScript = """
        <pre id="probe"></pre>
        <script>
        const out = { pageHeight: document.documentElement.scrollHeight };
        for (const id of ['utilization', 'availability', 'topology']) {
          const svg = document.querySelector('#' + id + ' svg');
          if (!svg) continue;
          const r = svg.getBoundingClientRect();
          const m = { isSvg: svg instanceof SVGSVGElement, x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height, bboxWidth: svg.getBBox().width };
          for (const selector of ['polyline', 'polygon', 'rect.up', 'rect.down', 'rect.event', 'rect.host', 'rect.app', 'path.edge']) {
            m[selector] = svg.querySelectorAll(selector).length;
          }
          out[id] = m;
        }
        document.getElementById('probe').textContent = JSON.stringify(out);
        </script>

        """;

    [GeneratedRegex("<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeOutput();
}
