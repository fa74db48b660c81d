using FsCheck.Xunit;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// The draws of random failures (issue 13, item 3): Weibull and lognormal variates, and a <see cref="FailureSpec"/>'s
/// up and repair times, whose mean is the MTBF (MTTR) whatever the distribution. Fixed seeds, so the outcome is the
/// same every run; each tolerance is five standard errors of the mean, from the distribution's own coefficient of
/// variation and the number of draws.
/// </summary>
public sealed class FailureDistributionTests
{
    private const int Draws = 200_000;

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 1.0)]
    [InlineData(3.0, 2.0)]
    [InlineData(5.0, 24.0)]
    [InlineData(0.5, 1.7724538509055160)] // √π
    [InlineData(1.5, 0.8862269254527580)] // √π ÷ 2
    [InlineData(0.3, 2.9915689876875906)]
    public void Gamma_matches_known_values(double x, double expected) =>
        Assert.InRange(GammaFunction.Gamma(x) / expected, 1 - 1e-13, 1 + 1e-13);

    /// <summary>Γ(x + 1) = x Γ(x) for every positive x: the recurrence that defines the function.</summary>
    [Property(MaxTest = 500)]
    public bool Gamma_satisfies_its_recurrence(FsCheck.PositiveInt numerator, FsCheck.PositiveInt denominator)
    {
        var x = Math.Clamp((double)numerator.Get / denominator.Get, 0.05, 30);
        var left = GammaFunction.Gamma(x + 1);
        var right = x * GammaFunction.Gamma(x);
        return Math.Abs(left - right) <= 1e-12 * Math.Abs(right);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void Weibull_draws_have_the_mean_lambda_gamma_of_one_plus_one_over_k(double shape)
    {
        var stream = new RandomStream(7, 11);
        const double scale = 100;
        var draws = Draws.Times(() => stream.Weibull(scale, shape));
        var g1 = GammaFunction.Gamma(1 + (1 / shape));
        var cv = Math.Sqrt((GammaFunction.Gamma(1 + (2 / shape)) / (g1 * g1)) - 1);
        AssertMean(draws, scale * g1, cv);
        Assert.All(draws, d => Assert.True(d >= 0));
    }

    [Theory]
    [InlineData(0.0, 0.25)]
    [InlineData(1.0, 0.8)]
    [InlineData(2.0, 1.5)]
    public void Lognormal_draws_have_the_mean_exp_of_mu_plus_half_sigma_squared(double mu, double sigma)
    {
        var stream = new RandomStream(7, 12);
        var draws = Draws.Times(() => stream.LogNormal(mu, sigma));
        AssertMean(draws, Math.Exp(mu + (sigma * sigma / 2)), Math.Sqrt(Math.Exp(sigma * sigma) - 1));

        // The median of a lognormal is e^μ: half the draws below it.
        var below = draws.Count(d => d < Math.Exp(mu)) / (double)draws.Count;
        Assert.InRange(below, 0.5 - (5 * 0.5 / Math.Sqrt(Draws)), 0.5 + (5 * 0.5 / Math.Sqrt(Draws)));
    }

    /// <summary>mtbf stays the mean: the spec derives the Weibull scale and the lognormal μ from it.</summary>
    [Theory]
    [InlineData(FailureDistribution.Exponential, 1.0, 1.0)]
    [InlineData(FailureDistribution.Weibull, 1.5, 1.0)]
    [InlineData(FailureDistribution.Weibull, 0.7, 1.0)]
    [InlineData(FailureDistribution.Lognormal, 1.0, 0.8)]
    [InlineData(FailureDistribution.Lognormal, 1.0, 2.0)]
    public void Up_times_have_the_mean_mtbf_whatever_the_distribution(FailureDistribution distribution, double shape, double sigma)
    {
        var spec = new FailureSpec { Mtbf = 30 * SimTime.TicksPerDay, Mttr = 4 * SimTime.TicksPerHour, Distribution = distribution, Shape = shape, Sigma = sigma };
        var stream = new RandomStream(3, 5);
        var draws = Draws.Times(() => (double)spec.DrawTimeToFailure(stream));
        var cv = distribution switch
        {
            FailureDistribution.Weibull => Math.Sqrt((GammaFunction.Gamma(1 + (2 / shape)) / Math.Pow(GammaFunction.Gamma(1 + (1 / shape)), 2)) - 1),
            FailureDistribution.Lognormal => Math.Sqrt(Math.Exp(sigma * sigma) - 1),
            _ => 1.0,
        };
        AssertMean(draws, spec.Mtbf, cv);
    }

    [Theory]
    [InlineData(RepairDistribution.Exponential, 1.0)]
    [InlineData(RepairDistribution.Lognormal, 0.5)]
    [InlineData(RepairDistribution.Lognormal, 1.2)]
    public void Repair_times_have_the_mean_mttr(RepairDistribution repair, double sigma)
    {
        var spec = new FailureSpec { Mtbf = SimTime.TicksPerDay, Mttr = 4 * SimTime.TicksPerHour, Repair = repair, RepairSigma = sigma };
        var stream = new RandomStream(3, 6);
        var draws = Draws.Times(() => (double)spec.DrawRepair(stream));
        var cv = repair == RepairDistribution.Lognormal ? Math.Sqrt(Math.Exp(sigma * sigma) - 1) : 1.0;
        AssertMean(draws, spec.Mttr, cv);
    }

    [Fact]
    public void A_fixed_repair_is_always_the_mttr_and_draws_nothing()
    {
        var spec = new FailureSpec { Mtbf = SimTime.TicksPerDay, Mttr = 4 * SimTime.TicksPerHour, Repair = RepairDistribution.Fixed };
        var stream = new RandomStream(3, 7);
        var twin = new RandomStream(3, 7);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(4 * SimTime.TicksPerHour, spec.DrawRepair(stream)));
        Assert.Equal(twin.NextUInt64(), stream.NextUInt64());
    }

    [Fact]
    public void Impossible_specs_are_named()
    {
        Assert.Null(new FailureSpec { Mtbf = 1, Mttr = 1 }.Problem());
        Assert.NotNull(new FailureSpec { Mtbf = 0, Mttr = 1 }.Problem());
        Assert.NotNull(new FailureSpec { Mtbf = 1, Mttr = -1 }.Problem());
        Assert.NotNull(new FailureSpec { Mtbf = 1, Mttr = 1, Shape = 0 }.Problem());
        Assert.NotNull(new FailureSpec { Mtbf = 1, Mttr = 1, Sigma = double.NaN }.Problem());
        Assert.Equal(0.75, new FailureSpec { Mtbf = 3, Mttr = 1 }.Availability);
    }

    private static void AssertMean(List<double> draws, double expected, double cv)
    {
        var tolerance = 5 * cv * expected / Math.Sqrt(draws.Count);
        Assert.InRange(draws.Average(), expected - tolerance, expected + tolerance);
    }
}

internal static class DrawExtensions
{
    public static List<double> Times(this int count, Func<double> draw)
    {
        var list = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(draw());
        }

        return list;
    }
}
