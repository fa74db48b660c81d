namespace VirtLang.Runtime.Model;

/// <summary>
/// The dirty rate of an application that does not give <c>dirty_rate</c>, by I/O class: assumptions (docs/simulation.md),
/// ordered as Clark et al. (NSDI 2005) found writable working sets to be, small for compute loops and interactive
/// servers, largest for I/O-heavy servers whose buffers and page cache churn.
/// </summary>
public static class DefaultDirtyRates
{
    /// <summary>Light: 8 Mbit/s (1 MB/s).</summary>
    public const double LightBitsPerSecond = 8e6;

    /// <summary>Moderate: 80 Mbit/s (10 MB/s).</summary>
    public const double ModerateBitsPerSecond = 80e6;

    /// <summary>Heavy: 400 Mbit/s (50 MB/s).</summary>
    public const double HeavyBitsPerSecond = 400e6;

    public static double For(IoClass io) => io switch
    {
        IoClass.Moderate => ModerateBitsPerSecond,
        IoClass.Heavy => HeavyBitsPerSecond,
        _ => LightBitsPerSecond,
    };
}
