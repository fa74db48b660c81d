using FsCheck.Xunit;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Tests;

public sealed class RandomStreamTests
{
    [Fact]
    public void TheSameSeedAndStreamGiveTheSameNumbers()
    {
        var a = new RandomStream(42, 3);
        var b = new RandomStream(42, 3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void TheNumbersArePinnedAcrossMachinesAndVersions()
    {
        // xoshiro256** seeded by SplitMix64 is defined bit for bit (these three were checked against an independent
        // implementation of the reference algorithms): they must never change, or every simulation result changes.
        var stream = new RandomStream(42, 0);
        Assert.Equal(1546998764402558742UL, stream.NextUInt64());
        Assert.Equal(6990951692964543102UL, stream.NextUInt64());
        Assert.Equal(12544586762248559009UL, stream.NextUInt64());
        Assert.NotEqual(new RandomStream(42, 0).NextUInt64(), new RandomStream(42, 1).NextUInt64());
        Assert.NotEqual(new RandomStream(42, 0).NextUInt64(), new RandomStream(43, 0).NextUInt64());
    }

    [Fact]
    public void DistributionsHaveTheirMeans()
    {
        var stream = new RandomStream(1, 1);
        const int n = 200_000;
        var uniform = Enumerable.Range(0, n).Select(_ => stream.NextDouble()).ToList();
        Assert.All(uniform, u => Assert.InRange(u, 0.0, 0.9999999999999999));
        Assert.InRange(uniform.Average(), 0.497, 0.503);

        var exponential = Enumerable.Range(0, n).Select(_ => stream.Exponential(300)).Average();
        Assert.InRange(exponential, 297, 303);

        var normal = Enumerable.Range(0, n).Select(_ => stream.Normal(10, 2)).ToList();
        var mean = normal.Average();
        var sd = Math.Sqrt(normal.Select(x => (x - mean) * (x - mean)).Average());
        Assert.InRange(mean, 9.98, 10.02);
        Assert.InRange(sd, 1.98, 2.02);
    }

    /// <summary>The step's batch of draws is the same numbers as pairs of single draws, and leaves the stream where they would.</summary>
    [Property(MaxTest = 200)]
    public bool FilledPairSumsAreThePairsOfSingleDrawsInOrder(ulong seed, ulong stream, byte count)
    {
        var batch = new RandomStream(seed, stream);
        var single = new RandomStream(seed, stream);
        var sums = new double[count];
        batch.FillPairSums(sums);
        return sums.All(sum => sum == single.NextDouble() + single.NextDouble()) && batch.NextUInt64() == single.NextUInt64();
    }
}
