namespace VirtLang.Sweeps.Tests;

public sealed class ReplicationSeedTests
{
    [Fact]
    public void Seeds_are_pinned_so_that_a_sweep_gives_the_same_numbers_on_every_build_and_machine()
    {
        // Computed independently (SplitMix64 in Python): a change here changes every sweep ever published.
        Assert.Equal(0x57e1faba65107204UL, ReplicationSeed.For(42, 0));
        Assert.Equal(0xf4abd143feb24055UL, ReplicationSeed.For(42, 1));
        Assert.Equal(0xa706dd2f4d197e6fUL, ReplicationSeed.For(0, 0));
        Assert.Equal(0x0211e371868ab974UL, ReplicationSeed.For(ulong.MaxValue, 999_999));
    }

    [Fact]
    public void Every_replication_of_a_large_sweep_has_its_own_seed_and_none_is_the_base()
    {
        foreach (var baseSeed in new ulong[] { 0, 1, 42, ulong.MaxValue })
        {
            var seeds = Enumerable.Range(0, 100_000).Select(i => ReplicationSeed.For(baseSeed, i)).ToHashSet();
            Assert.Equal(100_000, seeds.Count);
            Assert.DoesNotContain(baseSeed, seeds);
        }
    }

    [Fact]
    public void Neighbouring_bases_give_unrelated_seeds()
    {
        // (base, i + 1) must not be (base + 1, i): a sweep with seed 43 is not a shifted sweep with seed 42.
        var a = Enumerable.Range(0, 1000).Select(i => ReplicationSeed.For(42, i)).ToHashSet();
        var b = Enumerable.Range(0, 1000).Select(i => ReplicationSeed.For(43, i));
        Assert.DoesNotContain(b, a.Contains);
    }

    [Fact]
    public void A_negative_index_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplicationSeed.For(42, -1));
    }
}
