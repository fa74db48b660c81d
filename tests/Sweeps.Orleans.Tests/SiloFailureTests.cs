namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>
/// A silo killed mid-sweep (Orleans' TestingHost, three silos in this process): its batches are sent again and run on
/// the others, and the aggregate is the local one byte for byte. Its own cluster: the test leaves it one silo short.
/// </summary>
public sealed class SiloFailureTests(ThreeSiloCluster cluster) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task A_silo_killed_mid_sweep_loses_nothing_and_changes_nothing()
    {
        var request = new SweepRequest(SweepModels.Hosted(), null, 99, 48);
        var local = await SweepModels.AggregateAsync(new LocalSweepExecutor(), request);
        var executor = new OrleansSweepExecutor(cluster.Cluster.Client, new OrleansSweepOptions { BatchSize = 2, MaxBatchesInFlight = 6 });
        var victim = cluster.Cluster.SecondarySilos[0];
        var hook = cluster.Hook(victim);
        hook.Hold();

        var sweeping = SweepModels.AggregateAsync(executor, request);
        // The victim has a batch it will never finish: kill it now (had placement never picked it, the sweep ends
        // first and the test fails on the lost race rather than passing without a failure).
        Assert.Same(hook.Holding, await Task.WhenAny(hook.Holding, sweeping));
        await cluster.Cluster.KillSiloAsync(victim);
        var clustered = await sweeping;

        Assert.Equal(local, clustered);
        Assert.True(executor.Retries > 0);
    }

    [Fact]
    public async Task A_stalled_silos_batches_are_sent_elsewhere_when_overdue_and_its_late_answers_are_ignored()
    {
        var request = new SweepRequest(SweepModels.Hosted(), null, 5, 30);
        var local = await SweepModels.AggregateAsync(new LocalSweepExecutor(), request);
        var executor = new OrleansSweepExecutor(cluster.Cluster.Client, new OrleansSweepOptions
        {
            BatchSize = 2,
            MaxBatchesInFlight = 6,
            MinOverdue = TimeSpan.FromSeconds(2),
            OverdueCheckPeriod = TimeSpan.FromMilliseconds(200),
        });
        var stalled = cluster.Cluster.SecondarySilos[^1];
        var hook = cluster.Hook(stalled);
        hook.Hold();
        byte[] clustered;
        try
        {
            // The stalled silo answers nothing until the sweep is over: every batch placed there must be sent again.
            clustered = await SweepModels.AggregateAsync(executor, request);
            Assert.True(hook.Holding.IsCompleted, "placement never picked the stalled silo");
        }
        finally
        {
            hook.Release();
        }

        Assert.Equal(local, clustered);
        Assert.True(executor.Retries > 0);
    }
}
