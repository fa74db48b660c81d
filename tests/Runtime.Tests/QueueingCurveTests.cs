using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Tests;

/// <summary>The tabulated queueing curve is the formula at its points and within 0.01 % of it between them.</summary>
public sealed class QueueingCurveTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(41)]
    [InlineData(1000)]
    public void The_table_follows_the_formula(double servers)
    {
        var curve = new QueueingCurve(servers);
        Assert.Equal(1, curve.Factor(0));
        Assert.Equal(1, curve.Factor(-0.5));
        Assert.Equal(QueueingDelay.ResponseFactor(QueueingDelay.MaxUtilization, servers), curve.Factor(1.5));
        for (var i = 0; i <= 972; i++)
        {
            Assert.Equal(QueueingDelay.ResponseFactor(i / 1024.0, servers), curve.Factor(i / 1024.0));
        }

        var random = new RandomStream(12, 1);
        for (var i = 0; i < 10_000; i++)
        {
            var utilization = random.NextDouble() * 0.96;
            var exact = QueueingDelay.ResponseFactor(utilization, servers);
            Assert.InRange(curve.Factor(utilization) / exact, 1 - 1e-12, 1 + 1e-4); // the curve is convex: chords lie above it
        }
    }
}
