using System.Runtime.CompilerServices;

namespace VirtLang.Runtime.Kernel;

/// <summary>
/// A seeded random stream (xoshiro256**), one per entity: the seed of the run and the entity's own number make the
/// state (through SplitMix64), so adding an entity never shifts another's draws, and the numbers are the same on
/// every machine and .NET version (System.Random promises neither).
/// </summary>
public sealed class RandomStream
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public RandomStream(ulong seed, ulong stream)
    {
        var x = seed ^ (stream * 0x9E3779B97F4A7C15UL);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 bits of the stream: one step of xoshiro256** on the stream's own state.</summary>
    public ulong NextUInt64() => Next(ref _s0, ref _s1, ref _s2, ref _s3);

    /// <summary>Uniform in [0, 1), with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Fills <paramref name="sums"/> in order with <c>NextDouble() + NextDouble()</c>: the same numbers as that many
    /// pairs of calls, with the state held in registers for the whole span rather than loaded and stored per draw (a
    /// host's step draws two per instance, and in its large method the state did not stay in registers).
    /// </summary>
    internal void FillPairSums(Span<double> sums)
    {
        var s0 = _s0;
        var s1 = _s1;
        var s2 = _s2;
        var s3 = _s3;
        for (var i = 0; i < sums.Length; i++)
        {
            var a = (Next(ref s0, ref s1, ref s2, ref s3) >> 11) * (1.0 / (1UL << 53));
            var b = (Next(ref s0, ref s1, ref s2, ref s3) >> 11) * (1.0 / (1UL << 53));
            sums[i] = a + b;
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>Exponentially distributed with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>
    /// Weibull with the given scale λ and shape k, by inversion: λ (−ln(1 − U))^(1/k). Its mean is λ Γ(1 + 1/k); shape 1
    /// is the exponential, above 1 wear-out (failures more likely with age), below 1 infant mortality.
    /// </summary>
    public double Weibull(double scale, double shape) => scale * Math.Pow(-Math.Log(1.0 - NextDouble()), 1.0 / shape);

    /// <summary>Lognormal: exp(μ + σ Z) with Z standard normal (from <see cref="Normal"/>). Its mean is exp(μ + σ²/2).</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(Normal(mu, sigma));

    /// <summary>Normally distributed (Marsaglia's polar method; the second value of each pair is kept for the next call).</summary>
    public double Normal(double mean, double standardDeviation)
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return mean + (standardDeviation * _spareNormal);
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpare = true;
        return mean + (standardDeviation * u * factor);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>
    /// One step of xoshiro256** on the state given: the stream's own fields (<see cref="NextUInt64"/>) or copies held
    /// in locals for a whole span (<see cref="FillPairSums"/>); one definition, so the two cannot drift apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Next(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
