using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Profiles;

/// <summary>
/// <c>spiky(base, peak, every, lasts)</c>: mostly <paramref name="baseLevel"/>, with spikes to <paramref name="peak"/>
/// lasting <paramref name="lastsTicks"/> each, one every <paramref name="everyTicks"/> on average, at random. Whether a window is a spike is a hash of the instance's seed and the window's number, so the profile stays
/// a pure function of time (no state, any sampling order) and each instance spikes at its own moments.
/// </summary>
public sealed class SpikyProfile : WorkloadProfile
{
    private readonly double _probability;

    public SpikyProfile(double baseLevel, double peak, long everyTicks = 6 * SimTime.TicksPerHour, long lastsTicks = 15 * SimTime.TicksPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lastsTicks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(everyTicks);
        BaseLevel = baseLevel;
        PeakLevel = peak;
        Every = everyTicks;
        Length = lastsTicks;
        _probability = Math.Min(1.0, (double)lastsTicks / everyTicks);
    }

    public double BaseLevel { get; }

    public double PeakLevel { get; }

    /// <summary>The mean time from one spike to the next.</summary>
    public long Every { get; }

    public long Length { get; }

    public override double Mean => BaseLevel + ((PeakLevel - BaseLevel) * _probability);

    public override double Peak => Math.Max(PeakLevel, BaseLevel);

    public override double Level(long tick, ulong seed)
    {
        var window = (ulong)(tick / Length);
        var hash = Mix(seed ^ (window * 0xD1B54A32D192ED03UL));
        var uniform = (hash >> 11) * (1.0 / (1UL << 53));
        return uniform < _probability ? PeakLevel : BaseLevel;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
