using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace VirtLang.Sweeps.Tests;

public sealed class ReplicationSummaryTests
{
    internal static ReplicationSummary Sample(int index, double a = 0.999, double d = 5) => new(
        index,
        ReplicationSeed.For(42, index),
        [new ApplicationReplication("web", a, 0.98, d, 1.1), new ApplicationReplication("db", 1, 1, 0, 1.02)],
        [new HostReplication("esx-01", 0.4, 0.7, 120), new HostReplication("esx-02", 0.2, 0.35, 0)],
        [true, false])
    {
        Sites = [new SiteReplication("fra", 120, 2, 30)],
    };

    [Property(MaxTest = 200)]
    public bool Bytes_round_trip_with_exact_doubles(NonNegativeInt index, ulong seed, double[] numbers, bool[] expectations, NonEmptyString name, int failovers)
    {
        double At(int i) => numbers.Length == 0 ? 0 : numbers[i % numbers.Length];
        var summary = new ReplicationSummary(index.Get, seed,
            [new ApplicationReplication(name.Get, At(0), At(1), At(2), At(3))],
            [new HostReplication(name.Get + "-h", At(4), At(5), At(6))],
            expectations)
        {
            Sites = [new SiteReplication(name.Get + "-s", At(7), failovers, At(8))],
        };
        var again = ReplicationSummary.FromBytes(summary.ToBytes());
        return again.ToBytes().AsSpan().SequenceEqual(summary.ToBytes())
            && BitConverter.DoubleToInt64Bits(again.Applications[0].Availability) == BitConverter.DoubleToInt64Bits(At(0))
            && again.Expectations.SequenceEqual(expectations) && again.Index == index.Get && again.Seed == seed
            && again.Sites.SequenceEqual(summary.Sites) && BitConverter.DoubleToInt64Bits(again.Sites[0].FailoverWaitMinutes) == BitConverter.DoubleToInt64Bits(At(8));
    }

    [Fact]
    public void Every_truncation_and_trailing_garbage_is_refused()
    {
        var bytes = Sample(3).ToBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<SweepDataException>(() => ReplicationSummary.FromBytes(bytes.AsSpan(0, length)));
        }

        Assert.Throws<SweepDataException>(() => ReplicationSummary.FromBytes([.. bytes, 1]));
    }

    [Property(MaxTest = 300)]
    public bool Garbage_is_refused_with_our_exception(byte[] garbage, bool withMagic)
    {
        byte[] bytes = withMagic ? [.. "VDLREP2\0"u8, .. garbage] : garbage;
        try
        {
            _ = ReplicationSummary.FromBytes(bytes);
            return true;
        }
        catch (SweepDataException)
        {
            return true;
        }
    }

    [Fact]
    public void A_huge_count_is_refused_before_it_is_allocated()
    {
        byte[] bytes = [.. "VDLREP2\0"u8, 0, 0, 0, 0, .. new byte[8], 0x40, 0x42, 0x0F, 0x00];
        var e = Assert.Throws<SweepDataException>(() => ReplicationSummary.FromBytes(bytes));
        Assert.Contains("do not fit", e.Message, StringComparison.Ordinal);
    }
}
