namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>
/// A sweep through <see cref="OrleansSweepExecutor"/> on three silos (Orleans' TestingHost, in this process): every
/// replication comes back once, byte for byte as it runs locally, the batches spread over all three silos, and each
/// silo compiles the model once.
/// </summary>
public sealed class ThreeSiloSweepTests(ThreeSiloCluster cluster) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task Every_replication_comes_back_once_byte_for_byte_as_local_and_the_batches_spread_over_the_silos()
    {
        var model = SweepModels.Hosted();
        var request = new SweepRequest(model, null, 7, 60);
        var indices = Enumerable.Range(0, request.Runs).ToArray();
        var received = new List<ReplicationSummary>();
        var progress = new List<int>();
        var executor = new OrleansSweepExecutor(cluster.Cluster.Client, new OrleansSweepOptions { BatchSize = 1, MaxBatchesInFlight = 6 });
        var compiledBefore = cluster.Caches().Select(c => c.Compilations).ToArray();

        await executor.RunAsync(request, indices, received.Add, new SynchronousProgress(progress.Add), CancellationToken.None);

        var local = ReplicationRunner.Create(model, null, 7);
        Assert.Equal(request.Runs, received.Count);
        Assert.Equal(Enumerable.Range(1, request.Runs), progress);
        foreach (var summary in received.OrderBy(s => s.Index))
        {
            Assert.Equal(local.Run(summary.Index).ToBytes(), summary.ToBytes());
        }

        Assert.Equal(indices, received.Select(s => s.Index).Order());
        // Sixty single-replication batches placed at random: a silo with none is a (2/3)^60 chance, i.e. never.
        Assert.Equal(compiledBefore.Select(n => n + 1), cluster.Caches().Select(c => c.Compilations));
    }

    [Fact]
    public async Task The_aggregate_is_the_local_one_byte_for_byte()
    {
        var request = new SweepRequest(SweepModels.Hosted(), null, 2026, 40);
        var local = await SweepModels.AggregateAsync(new LocalSweepExecutor(), request);

        var clustered = await SweepModels.AggregateAsync(new OrleansSweepExecutor(cluster.Cluster.Client, new OrleansSweepOptions { BatchSize = 3, MaxBatchesInFlight = 4 }), request);

        Assert.Equal(local, clustered);
    }

    [Fact]
    public async Task Expectations_and_sites_come_back_from_the_workers_as_they_run_locally()
    {
        var request = new SweepRequest(SweepModels.Availability(), "month", 13, 12);
        var local = await SweepModels.AggregateAsync(new LocalSweepExecutor(), request);

        var clustered = await SweepModels.AggregateAsync(new OrleansSweepExecutor(cluster.Cluster.Client, new OrleansSweepOptions { BatchSize = 2, MaxBatchesInFlight = 4 }), request);

        Assert.Equal(local, clustered);
        using var json = System.Text.Json.JsonDocument.Parse(clustered);
        var expectations = json.RootElement.GetProperty("expectations").EnumerateArray().ToList();
        Assert.Equal(4, expectations.Count);
        Assert.Equal("expect availability shop >= 99.95%", expectations[0].GetProperty("statement").GetString());
        Assert.All(expectations, e => Assert.InRange(e.GetProperty("held").GetInt64(), 0, 12));
        Assert.Equal(["fra", "ams"], json.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_model_with_errors_fails_the_sweep_at_once_with_the_workers_diagnostics()
    {
        var model = new ModelBundle([new ModelBundleFile("broken.vdl", "host h { cpu = 2 }\n", ModelBundleFileKind.Root)]);
        var executor = new OrleansSweepExecutor(cluster.Cluster.Client);

        var error = await Assert.ThrowsAsync<SweepModelException>(() =>
            executor.RunAsync(new SweepRequest(model, null, 1, 4), [0, 1, 2, 3], _ => Assert.Fail("nothing runs"), null, CancellationToken.None));

        Assert.Contains("errors", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Diagnostics);
        Assert.Equal(0, executor.Retries);
    }
}
