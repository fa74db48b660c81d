using FsCheck.Xunit;
using VirtLang.Runtime.Engine;

namespace VirtLang.Runtime.Tests;

public class CpuAllocatorTests
{
    [Fact]
    public void Everyone_gets_what_it_wants_when_it_fits()
    {
        var allotted = new double[3];
        CpuAllocator.Share([1, 2, 3], [1, 1, 1], 8, allotted);
        Assert.Equal([1, 2, 3], allotted);
    }

    [Fact]
    public void Equal_weights_share_equally_and_the_small_claim_is_met_first()
    {
        // 10 CPUs, claims 1, 6, 8: the first is met (1), the rest split 9 equally (4.5 each).
        var allotted = new double[3];
        CpuAllocator.Share([1, 6, 8], [1, 1, 1], 10, allotted);
        Assert.Equal([1, 4.5, 4.5], allotted);
    }

    [Fact]
    public void Weights_divide_in_proportion()
    {
        // 4 CPUs, both want 4, weights 3 and 1: 3 and 1.
        var allotted = new double[2];
        CpuAllocator.Share([4, 4], [3, 1], 4, allotted);
        Assert.Equal(3, allotted[0], 12);
        Assert.Equal(1, allotted[1], 12);
    }

    [Fact]
    public void What_a_weighted_claim_leaves_goes_to_the_others()
    {
        // 6 CPUs; weight 4 wants only 1; weights 1 and 1 want 10 each: 1, then 2.5 and 2.5.
        var allotted = new double[3];
        CpuAllocator.Share([1, 10, 10], [4, 1, 1], 6, allotted);
        Assert.Equal([1, 2.5, 2.5], allotted);
    }

    /// <summary>The invariant of issue 4: what is handed out never exceeds the capacity nor what was asked.</summary>
    [Property(MaxTest = 2_000)]
    public bool Never_more_than_capacity_nor_than_asked(int[] wantsRaw, int[] weightsRaw, byte capacityRaw)
    {
        var n = Math.Min(wantsRaw.Length, weightsRaw.Length);
        var want = wantsRaw.Take(n).Select(w => Math.Abs((double)w % 1000) / 10).ToArray();
        var weight = weightsRaw.Take(n).Select(w => 0.1 + (Math.Abs((double)w % 100) / 10)).ToArray();
        var capacity = capacityRaw / 4.0;
        var allotted = new double[n];
        CpuAllocator.Share(want, weight, capacity, allotted);
        var total = allotted.Sum();
        return total <= capacity + 1e-9 && allotted.Select((a, i) => a >= 0 && a <= want[i] + 1e-9).All(ok => ok);
    }

    /// <summary>Work conserving: when the claims exceed the host, the whole host is handed out.</summary>
    [Property(MaxTest = 2_000)]
    public bool Oversubscribed_hosts_are_handed_out_whole(int[] wantsRaw, byte capacityRaw)
    {
        var want = wantsRaw.Select(w => Math.Abs((double)w % 1000) / 10).ToArray();
        var capacity = capacityRaw / 4.0;
        if (want.Sum() <= capacity)
        {
            return true;
        }

        var allotted = new double[want.Length];
        CpuAllocator.Share(want, [.. want.Select(_ => 1.0)], capacity, allotted);
        return Math.Abs(allotted.Sum() - capacity) < 1e-6;
    }
}
