namespace VirtLang.Sweeps.Tests;

public sealed class ConfidenceIntervalTests
{
    [Fact]
    public void The_mean_interval_of_four_values_matches_a_hand_computation()
    {
        // 0.5, 0.6, 0.7, 0.8: mean 0.65, s = sqrt(0.05 / 3) = 0.1290994, t(0.975, 3) = 3.182446:
        // 0.65 ± 3.182446 × 0.1290994 / 2 = [0.4445740, 0.8554260] (computed by hand in Python).
        var moments = new ExactMoments();
        foreach (var x in new[] { 0.5, 0.6, 0.7, 0.8 })
        {
            moments.Add(x);
        }

        Assert.Equal(0.65, moments.Mean, 15);
        Assert.Equal(0.12909944487358058, moments.StandardDeviation, 14);
        var interval = ConfidenceIntervals.Mean(moments.Mean, moments.StandardDeviation, moments.Count);
        Assert.Equal(0.44457397432394774, interval.Low, 12);
        Assert.Equal(0.8554260256760523, interval.High, 12);
    }

    [Fact]
    public void A_mean_interval_is_clamped_to_what_the_quantity_can_be()
    {
        var interval = ConfidenceIntervals.Mean(0.99, 0.05, 4, 0, 1);
        Assert.Equal(1, interval.High);
        Assert.True(interval.Low < 0.99);
    }

    [Fact]
    public void One_value_says_nothing_of_the_spread()
    {
        Assert.Equal(new Interval(0.7, 0.7, 0.7), ConfidenceIntervals.Mean(0.7, 0, 1));
    }

    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(3, 3.1824)]
    [InlineData(30, 2.0423)]
    [InlineData(31, 2.0395)]
    [InlineData(40, 2.0211)]
    [InlineData(100, 1.9840)]
    [InlineData(1000, 1.9623)]
    public void Student_t_matches_the_tables(long degreesOfFreedom, double tabled)
    {
        Assert.Equal(tabled, ConfidenceIntervals.StudentT(degreesOfFreedom), 4);
    }

    [Fact]
    public void Student_t_falls_towards_z_as_the_sample_grows()
    {
        var previous = double.PositiveInfinity;
        foreach (var df in Enumerable.Range(1, 2000))
        {
            var t = ConfidenceIntervals.StudentT(df);
            Assert.True(t < previous && t > ConfidenceIntervals.Z95, $"t({df}) = {t}");
            previous = t;
        }
    }

    [Fact]
    public void Wilson_intervals_match_a_hand_computation()
    {
        // 8 of 10: (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) = [0.4901625, 0.9433178].
        var eight = ConfidenceIntervals.Wilson(8, 10);
        Assert.Equal(0.8, eight.Estimate);
        Assert.Equal(0.49016247153664183, eight.Low, 12);
        Assert.Equal(0.9433178485456247, eight.High, 12);

        // None of 20: not an empty interval at 0, but up to 16 %.
        var none = ConfidenceIntervals.Wilson(0, 20);
        Assert.Equal(0, none.Low);
        Assert.Equal(0.16112515805281938, none.High, 12);
        Assert.Equal(1, ConfidenceIntervals.Wilson(20, 20).High);
    }
}
