using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Profiles;

/// <summary>
/// <c>diurnal(peak, base, peak_at)</c>: a daily cosine wave between <paramref name="baseLevel"/> (12 hours from the
/// peak) and <paramref name="peak"/> at <paramref name="peakAtTicks"/> after midnight (default 14:00).
/// </summary>
public sealed class DiurnalProfile(double peak, double baseLevel, long peakAtTicks = 14 * SimTime.TicksPerHour) : WorkloadProfile
{
    public double PeakLevel { get; } = peak;

    public double BaseLevel { get; } = baseLevel;

    public long PeakAt { get; } = peakAtTicks;

    public override double Peak => Math.Max(PeakLevel, BaseLevel);

    public override double Mean => (PeakLevel + BaseLevel) / 2;

    internal override bool DependsOnSeed => false;

    public override double Level(long tick, ulong seed) => Wave(tick, PeakLevel, BaseLevel, PeakAt);

    internal static double Wave(long tick, double peak, double baseLevel, long peakAt)
    {
        var phase = (double)(tick - peakAt) / SimTime.TicksPerDay;
        return baseLevel + ((peak - baseLevel) * 0.5 * (1 + Math.Cos(2 * Math.PI * phase)));
    }
}
