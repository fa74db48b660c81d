using System.Globalization;
using System.Text;

namespace VirtLang.Planning.Tests;

/// <summary>
/// Packing by time, not by peaks: eight applications busy by day and eight by night share hosts two by two, so the
/// plan needs clearly fewer machines than when every bucket is the peak (the same plan with one bucket of a week).
/// </summary>
public sealed class PeakShiftTests : IDisposable
{
    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Model(string bucket)
    {
        var text = new StringBuilder("""
            os linux {
              family = linux
            }

            hardware box {
              cpu {
                cores = 16
              }
              memory = 256GiB
            }

            """);
        for (var i = 0; i < 8; i++)
        {
            foreach (var (name, peakAt) in new[] { ("day", "14h"), ("night", "2h") })
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"app {name}-app{i} {{\n  demand {{\n    cpu     = 4\n    memory  = 2GiB\n    profile = diurnal(peak = 90%, base = 10%, peak_at = {peakAt})\n  }}\n}}\n");
            }
        }

        text.AppendLine("pool rack {\n  hardware = box\n  count    = 20\n  hypervisor {\n    kind = bare_metal\n  }\n}\n");
        text.AppendLine(CultureInfo.InvariantCulture, $"plan shift {{\n  target  = 70%\n  horizon = 1d\n  bucket  = {bucket}\n}}");
        return text.ToString();
    }

    [Fact]
    public void DayAndNightApplicationsNeedClearlyFewerHostsThanPeakSumPacking()
    {
        var byTime = _harness.Plan(Model("1h")).Result;
        var byPeak = _harness.Plan(Model("1d")).Result;

        // Per host 16 × 70 % = 11.2 reference cores: three instances at their 3.6-core peak, or two day-night pairs (4 cores each, always).
        Assert.Equal(6, byPeak.Hosts.Count);
        Assert.Equal(4, byTime.Hosts.Count);
        Assert.All(byTime.Hosts, h => Assert.Equal(2, h.Instances.Count(i => i.App.Name.StartsWith("day", StringComparison.Ordinal))));
        Assert.Equal(PlanStatus.Optimal, byTime.Status);
    }
}
