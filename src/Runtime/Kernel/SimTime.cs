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
}
