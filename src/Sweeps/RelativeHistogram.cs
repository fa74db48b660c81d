namespace VirtLang.Sweeps;

/// <summary>
/// Counts of non-negative values in bins of constant relative width, taken from a double's bits (its exponent and the
/// top <see cref="MantissaBits"/> bits of its mantissa, as HdrHistogram does): each bin spans 1/128 of its power of two,
/// so a percentile read from it is within 0.4 % of a value that was added (and within [min, max]). Zero has a bin of
/// its own, exact. The bins are computed with integer operations only, so they are the same on every machine, and
/// counts do not depend on the order of additions. Memory is bounded by the bins in use: at most 128 per power of two
/// the values span (a downtime from a microsecond to 100 years in minutes spans 52 of them: 6,656 bins).
/// </summary>
internal sealed class RelativeHistogram
{
    public const int MantissaBits = 7;
    private readonly Dictionary<long, long> _bins = [];

    public long Count { get; private set; }

    public long Zeros { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <exception cref="SweepDataException">The value is negative or not finite.</exception>
    public void Add(double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new SweepDataException($"not a valid replication summary: a duration or fraction of {value}");
        }

        Count++;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (value == 0)
        {
            Zeros++;
            return;
        }

        var bin = BitConverter.DoubleToInt64Bits(value) >> (52 - MantissaBits);
        _bins[bin] = _bins.GetValueOrDefault(bin) + 1;
    }

    /// <summary>
    /// The nearest-rank percentile: the least value that at least ⌈q·n⌉ of the values are at or below, read as the middle
    /// of its bin and kept within [min, max] (0 when empty).
    /// </summary>
    public double Percentile(double quantile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var needed = Math.Max(1, (long)Math.Ceiling(quantile * Count));
        if (needed >= Count)
        {
            return Max;
        }

        var seen = Zeros;
        if (seen >= needed)
        {
            return 0;
        }

        foreach (var bin in _bins.Keys.Order())
        {
            seen += _bins[bin];
            if (seen >= needed)
            {
                return Math.Clamp(Middle(bin), Min, Max);
            }
        }

        return Max;
    }

    /// <summary>Each value bin as (its middle, its count), zero first, in increasing order: what a chart re-bins.</summary>
    public IEnumerable<(double Value, long Count)> Bins()
    {
        if (Zeros > 0)
        {
            yield return (0, Zeros);
        }

        foreach (var bin in _bins.Keys.Order())
        {
            yield return (Math.Clamp(Middle(bin), Min, Max), _bins[bin]);
        }
    }

    private static double Middle(long bin)
    {
        var low = BitConverter.Int64BitsToDouble(bin << (52 - MantissaBits));
        var high = BitConverter.Int64BitsToDouble((bin + 1) << (52 - MantissaBits));
        return low + ((high - low) / 2);
    }
}
