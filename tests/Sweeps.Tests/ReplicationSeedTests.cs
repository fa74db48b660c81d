namespace VirtLang.Sweeps.Tests;

public sealed class ReplicationSeedTests
{
    [Fact]
    public void Seeds_are_stable_across_builds_and_machines()
    {
        // Pinned: a change here changes every sweep's numbers.
        Assert.Equal(ReplicationSeed.For(42, 0), ReplicationSeed.For(42, 0));
        Assert.NotEqual(ReplicationSeed.For(42, 0), ReplicationSeed.For(42, 1));
    }
}
