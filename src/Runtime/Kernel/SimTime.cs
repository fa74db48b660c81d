using System.Globalization;

namespace VirtLang.Runtime.Kernel;

/// <summary>
/// Simulated time is a 64-bit count of ticks of one microsecond: no floating-point drift, exact ties, and room for
/// 292,000 years. These helpers convert at the edges; the kernel never sees a double.
/// </summary>
public static class SimTime
{
    public const long TicksPerMillisecond = 1_000;
    public const long TicksPerSecond = 1_000_000;
    public const long TicksPerMinute = 60 * TicksPerSecond;
    public const long TicksPerHour = 60 * TicksPerMinute;
    public const long TicksPerDay = 24 * TicksPerHour;

    public static long FromMinutes(double minutes) => checked((long)Math.Round(minutes * TicksPerMinute));

    public static long FromSeconds(double seconds) => checked((long)Math.Round(seconds * TicksPerSecond));

    public static double ToMinutes(long ticks) => (double)ticks / TicksPerMinute;

    public static double ToSeconds(long ticks) => (double)ticks / TicksPerSecond;

    /// <summary>A duration as a model writes it: <c>2h</c>, <c>4d12h</c>, <c>1m30s</c>; under a minute, seconds to a tenth (<c>27.3s</c>).</summary>
    public static string Format(long ticks)
    {
        if (ticks < TicksPerMinute)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(ToSeconds(ticks), 1)}s");
        }

        var text = new System.Text.StringBuilder();
        var rest = ticks;
        foreach (var (unit, size) in new[] { ("d", TicksPerDay), ("h", TicksPerHour), ("m", TicksPerMinute), ("s", TicksPerSecond) })
        {
            var count = rest / size;
            rest -= count * size;
            if (count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{count}{unit}");
            }
        }

        return text.ToString();
    }
}
