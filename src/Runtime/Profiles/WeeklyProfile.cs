using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Profiles;

/// <summary>
/// <c>weekly(peak, base, weekend, peak_at)</c>: the diurnal wave on weekdays; on Saturday and Sunday the peak is
/// <paramref name="weekend"/> of the weekday peak (default 30 %). Day 0 of a run is a Monday.
/// </summary>
public sealed class WeeklyProfile(double peak, double baseLevel, double weekend = 0.3, long peakAtTicks = 14 * SimTime.TicksPerHour) : WorkloadProfile
{
    public double PeakLevel { get; } = peak;

    public double BaseLevel { get; } = baseLevel;

    public double Weekend { get; } = weekend;

    public long PeakAt { get; } = peakAtTicks;

    public override double Peak => Math.Max(PeakLevel, BaseLevel);

    public override double Level(long tick, ulong seed)
    {
        var day = (tick / SimTime.TicksPerDay) % 7;
        var peak = day >= 5 ? Math.Max(BaseLevel, PeakLevel * Weekend) : PeakLevel;
        return DiurnalProfile.Wave(tick, peak, BaseLevel, PeakAt);
    }
}
