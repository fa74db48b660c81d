namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>The models the sweep tests run (the repository's examples, bundled as <c>vdl sweep</c> bundles them), and their local aggregate.</summary>
internal static class SweepModels
{
    /// <summary>A day of a small hosting model: quick enough to run dozens of replications in a test.</summary>
    public static string HostedPath => Path.Combine(RepositoryPaths.Examples, "hosted.vdl");

    /// <summary>A week of the datacenter example: replications long enough that a sweep is still running when a worker is killed.</summary>
    public static string DatacenterPath => Path.Combine(RepositoryPaths.Examples, "datacenter.vdl");

    public static ModelBundle Hosted() => ModelBundle.FromFiles([HostedPath]);

    /// <summary>A month of two sites with random failures and four <c>expect</c> statements: what the summaries carry beyond applications and hosts.</summary>
    public static ModelBundle Availability() => ModelBundle.FromFiles([Path.Combine(RepositoryPaths.Examples, "availability.vdl")]);

    /// <summary>The sweep's aggregate as <c>vdl sweep --json</c> writes it, its replications run by <paramref name="executor"/>.</summary>
    public static async Task<byte[]> AggregateAsync(ISweepExecutor executor, SweepRequest request, Action<int>? afterEach = null)
    {
        var runner = ReplicationRunner.Create(request.Model, request.Scenario, request.BaseSeed);
        var aggregator = new SweepAggregator(SweepDescription.Of(request, runner));
        var count = 0;
        await executor.RunAsync(request, Enumerable.Range(0, request.Runs).ToArray(), summary =>
        {
            aggregator.Add(summary);
            afterEach?.Invoke(Interlocked.Increment(ref count));
        }, null, CancellationToken.None);
        return SweepJsonWriter.ToBytes(aggregator.Finish(runner.ExpectationStatements));
    }
}
