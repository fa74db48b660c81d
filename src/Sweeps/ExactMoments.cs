using System.Numerics;

namespace VirtLang.Sweeps;

/// <summary>
/// The count, sum and sum of squares of finite doubles, held exactly (as integers in units of 2^-1074, the smallest
/// double, and 2^-2148 for squares), with the least and greatest values. Exact sums do not depend on the order of the
/// additions, so the mean and the standard deviation computed from them are the same bits whichever replication
/// finished first, on however many cores or machines. Memory is constant: a couple of integers of some 2,200 bits.
/// </summary>
internal sealed class ExactMoments
{
    private const int Scale = 1074;
    private BigInteger _sum;
    private BigInteger _sumOfSquares;

    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <exception cref="SweepDataException">The value is not finite.</exception>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new SweepDataException($"not a valid replication summary: a value {value} (finite numbers only)");
        }

        var (mantissa, exponent) = Decompose(value);
        _sum += mantissa << (exponent + Scale);
        _sumOfSquares += (mantissa * mantissa) << (2 * (exponent + Scale));
        Count++;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>The mean, rounded once from the exact sum (0 when empty).</summary>
    public double Mean => Count == 0 ? 0 : Divide(_sum, new BigInteger(Count) << Scale);

    /// <summary>The sample variance (n − 1 in the denominator), rounded once from exact sums; 0 below two values.</summary>
    public double Variance
    {
        get
        {
            if (Count < 2)
            {
                return 0;
            }

            // (n Σx² − (Σx)²) / (n (n − 1)), both terms in units of 2^-2148: exact, so never negative.
            var numerator = (Count * _sumOfSquares) - (_sum * _sum);
            return Divide(numerator, (new BigInteger(Count) * (Count - 1)) << (2 * Scale));
        }
    }

    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The double as mantissa × 2^exponent, with the exponent at least −1074 (subnormals included).</summary>
    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        var mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        var exponent = biased == 0 ? -1074 : biased - 1075;
        return (negative ? -mantissa : mantissa, exponent);
    }

    /// <summary>num / den as the nearest double below 2^63 bits of precision, deterministically (integer arithmetic, then one rounding).</summary>
    internal static double Divide(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0;
        }

        var negative = numerator.Sign < 0;
        numerator = BigInteger.Abs(numerator);

        // Shift so that the quotient has 62 significant bits, then let the conversion of a long round it to 53.
        var shift = 62 - (int)(numerator.GetBitLength() - denominator.GetBitLength());
        var quotient = shift >= 0 ? (numerator << shift) / denominator : numerator / (denominator << -shift);
        while (quotient.GetBitLength() > 62)
        {
            quotient >>= 1;
            shift--;
        }

        // Sticky bit: a remainder the shift dropped still rounds the last place the same way everywhere.
        var result = Math.ScaleB((double)((long)quotient | 1L), -shift);
        return negative ? -result : result;
    }
}
