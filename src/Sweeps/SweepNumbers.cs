using System.Globalization;

namespace VirtLang.Sweeps;

/// <summary>
/// How a sweep writes numbers: rounded to 9 decimals, then the shortest text that reads back as that double. The
/// aggregate itself is exact; the rounding keeps the last bits of a platform's math library (which the simulator's
/// per-replication figures may carry) out of the bytes in practice, as <c>vdl run --json</c> rounds to 6.
/// </summary>
public static class SweepNumbers
{
    public const int Decimals = 9;

    public static double Rounded(double value)
    {
        var rounded = Math.Round(value, Decimals, MidpointRounding.ToEven);
        return rounded == 0 ? 0 : rounded; // no "-0"
    }

    public static string Format(double value) => Rounded(value).ToString("R", CultureInfo.InvariantCulture);
}
