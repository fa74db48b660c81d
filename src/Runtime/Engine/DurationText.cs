using System.Globalization;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Engine;

/// <summary>Durations in the event log as a model writes them: <c>2h</c>, <c>4d12h</c>, <c>1m30s</c>, <c>27.3s</c>.</summary>
internal static class DurationText
{
    public static string Format(long ticks)
    {
        if (ticks < SimTime.TicksPerMinute)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(SimTime.ToSeconds(ticks), 1)}s");
        }

        var parts = new List<string>();
        var rest = ticks;
        foreach (var (unit, size) in new[] { ("d", SimTime.TicksPerDay), ("h", SimTime.TicksPerHour), ("m", SimTime.TicksPerMinute), ("s", SimTime.TicksPerSecond) })
        {
            var count = rest / size;
            rest -= count * size;
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count}{unit}"));
            }
        }

        return string.Concat(parts);
    }
}
