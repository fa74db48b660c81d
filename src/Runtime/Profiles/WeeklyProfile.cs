using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Profiles;

/// <summary>
/// <c>weekly(weekday, weekend, base, peak_at)</c>: on weekdays the daily wave from <paramref name="baseLevel"/> (default:
/// the weekend level) up to <paramref name="weekday"/> at <paramref name="peakAtTicks"/>; Saturday and Sunday stay
/// at <paramref name="weekend"/>. Day 0 of a run is a Monday.
/// </summary>
public sealed class WeeklyProfile(double weekday, double weekend, double? baseLevel = null, long peakAtTicks = 14 * SimTime.TicksPerHour) : WorkloadProfile
{
    public double Weekday { get; } = weekday;

    public double Weekend { get; } = weekend;

    public double BaseLevel { get; } = baseLevel ?? Math.Min(weekday, weekend);

    public long PeakAt { get; } = peakAtTicks;

    public override double Peak => Math.Max(Math.Max(Weekday, Weekend), BaseLevel);

    public override double Mean => ((5 * (Weekday + BaseLevel) / 2) + (2 * Weekend)) / 7;

    internal override bool DependsOnSeed => false;

    public override double Level(long tick, ulong seed)
    {
        var day = (tick / SimTime.TicksPerDay) % 7;
        return day >= 5 ? Weekend : DiurnalProfile.Wave(tick, Weekday, BaseLevel, PeakAt);
    }
}
