using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace VirtLang.Sweeps.Tests;

public sealed class ExactMomentsTests
{
    [Property(MaxTest = 200)]
    public bool Sums_do_not_depend_on_the_order_of_additions(NormalFloat[] values, int shuffleSeed)
    {
        var xs = values.Select(v => v.Get).ToArray();
        var shuffled = xs.ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);
        var (a, b) = (new ExactMoments(), new ExactMoments());
        foreach (var x in xs)
        {
            a.Add(x);
        }

        foreach (var x in shuffled)
        {
            b.Add(x);
        }

        return BitConverter.DoubleToInt64Bits(a.Mean) == BitConverter.DoubleToInt64Bits(b.Mean)
            && BitConverter.DoubleToInt64Bits(a.Variance) == BitConverter.DoubleToInt64Bits(b.Variance);
    }

    [Fact]
    public void A_sum_that_floating_point_would_lose_is_kept()
    {
        // 1e16 + 1 - 1e16 is 0 in doubles added in this order; exactly, the mean of the three is 1/3.
        var moments = new ExactMoments();
        moments.Add(1e16);
        moments.Add(1);
        moments.Add(-1e16);
        Assert.Equal(1.0 / 3, moments.Mean, 15);
    }

    [Fact]
    public void Equal_values_have_no_spread_and_tiny_ones_are_not_lost()
    {
        var moments = new ExactMoments();
        for (var i = 0; i < 1000; i++)
        {
            moments.Add(0.1);
        }

        Assert.Equal(0.1, moments.Mean);
        Assert.Equal(0, moments.Variance);

        var tiny = new ExactMoments();
        tiny.Add(double.Epsilon);
        tiny.Add(double.Epsilon);
        Assert.Equal(double.Epsilon, tiny.Mean);
    }

    [Fact]
    public void A_value_that_is_not_finite_is_refused()
    {
        Assert.Throws<SweepDataException>(() => new ExactMoments().Add(double.NaN));
        Assert.Throws<SweepDataException>(() => new ExactMoments().Add(double.PositiveInfinity));
    }
}
