namespace VirtLang.Sweeps.Tests;

public sealed class RelativeHistogramTests
{
    [Fact]
    public void Percentiles_are_within_the_documented_precision_of_the_exact_ones()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble() < 0.3 ? 0 : Math.Exp(random.NextDouble() * 12)).ToArray();
        var histogram = new RelativeHistogram();
        foreach (var v in values)
        {
            histogram.Add(v);
        }

        var sorted = values.Order().ToArray();
        foreach (var q in new[] { 0.5, 0.9, 0.95, 0.99 })
        {
            var exact = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
            var read = histogram.Percentile(q);
            Assert.True(Math.Abs(read - exact) <= exact * 0.004, $"p{q * 100}: {read} against {exact}");
        }

        Assert.Equal(sorted[^1], histogram.Percentile(1));
        Assert.Equal(0, histogram.Percentile(0.2)); // 30 % zeros, counted exactly
    }

    [Fact]
    public void A_single_value_is_every_percentile()
    {
        var histogram = new RelativeHistogram();
        histogram.Add(5);
        Assert.Equal(5, histogram.Percentile(0.5));
        Assert.Equal(5, histogram.Percentile(0.99));
    }

    [Fact]
    public void Memory_is_bounded_by_the_bins_whatever_the_number_of_values()
    {
        // A million downtimes between a microsecond and a century in minutes land in at most 128 bins per power of two.
        var histogram = new RelativeHistogram();
        var random = new Random(3);
        for (var i = 0; i < 1_000_000; i++)
        {
            histogram.Add(Math.Pow(2, -26 + (random.NextDouble() * 52)));
        }

        Assert.InRange(histogram.Bins().Count(), 1, 52 * 128);
    }

    [Fact]
    public void Negative_or_not_finite_values_are_refused()
    {
        Assert.Throws<SweepDataException>(() => new RelativeHistogram().Add(-1));
        Assert.Throws<SweepDataException>(() => new RelativeHistogram().Add(double.NaN));
    }
}
