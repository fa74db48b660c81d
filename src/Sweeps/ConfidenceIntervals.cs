namespace VirtLang.Sweeps;

/// <summary>
/// The 95 % intervals of a sweep (docs/sweeps.md): Student's t for a mean, Wilson's score interval for a proportion.
/// Only arithmetic and square roots (correctly rounded by IEEE 754), so the bounds are the same bits everywhere.
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>The two-sided 95 % normal quantile, z(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>t(0.975, df) for df = 1..30 (standard tables, six significant figures and more).</summary>
    private static readonly double[] StudentT95 =
    [
        12.7062047361747, 4.30265272974946, 3.18244630528371, 2.77644510519779, 2.57058183563632,
        2.44691185114497, 2.36462425159278, 2.30600413520417, 2.2621571627982, 2.22813885198627,
        2.20098516009164, 2.17881282966723, 2.16036865646279, 2.1447866879178, 2.13144954555978,
        2.11990529922125, 2.10981557783332, 2.10092204024104, 2.09302405440831, 2.08596344726586,
        2.07961384472768, 2.07387306790403, 2.06865761041905, 2.06389856162802, 2.0595385527533,
        2.05552943864287, 2.05183051648029, 2.04840714179525, 2.04522964213270, 2.04227245630124,
    ];

    /// <summary>
    /// t(0.975, df): the table up to 30 degrees of freedom; beyond, the Cornish–Fisher expansion of t in powers of 1/df
    /// around z (Abramowitz and Stegun 26.7.5), within 1e-6 of the exact quantile from df = 31 on.
    /// </summary>
    public static double StudentT(long degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= StudentT95.Length)
        {
            return StudentT95[degreesOfFreedom - 1];
        }

        var z = Z95;
        double n = degreesOfFreedom;
        var z3 = z * z * z;
        var z5 = z3 * z * z;
        var z7 = z5 * z * z;
        var z9 = z7 * z * z;
        return z
            + ((z3 + z) / (4 * n))
            + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * n * n))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * n * n * n))
            + (((79 * z9) + (776 * z7) + (1482 * z5) - (1920 * z3) - (945 * z)) / (92160 * n * n * n * n));
    }

    /// <summary>
    /// The mean of <paramref name="count"/> values with sample standard deviation <paramref name="sd"/> and its 95 %
    /// interval mean ± t(0.975, n − 1)·sd/√n, clamped to [<paramref name="floor"/>, <paramref name="ceiling"/>]; a
    /// single value has the interval of that value alone (nothing is known of the spread).
    /// </summary>
    public static Interval Mean(double mean, double sd, long count, double floor = double.NegativeInfinity, double ceiling = double.PositiveInfinity)
    {
        if (count < 2)
        {
            return new Interval(mean, mean, mean);
        }

        var half = StudentT(count - 1) * sd / Math.Sqrt(count);
        return new Interval(mean, Math.Max(floor, mean - half), Math.Min(ceiling, mean + half));
    }

    /// <summary>
    /// The proportion <paramref name="successes"/>/<paramref name="trials"/> with Wilson's 95 % score interval
    /// (Wilson 1927): (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), which stays inside [0, 1] and is not empty at 0
    /// or n successes. No trials: the estimate 0 in [0, 1].
    /// </summary>
    public static Interval Wilson(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new Interval(0, 0, 1);
        }

        double n = trials;
        var p = successes / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return new Interval(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
