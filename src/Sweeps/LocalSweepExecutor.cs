using System.Collections.Concurrent;

namespace VirtLang.Sweeps;

/// <summary>
/// Runs replications on this machine's cores: the model compiled once, then up to <see cref="Parallelism"/>
/// replications at a time over the shared topology. The embedded default of <c>vdl sweep</c>: no server needed.
/// </summary>
public sealed class LocalSweepExecutor : ISweepExecutor
{
    public LocalSweepExecutor()
        : this(Environment.ProcessorCount)
    {
    }

    public LocalSweepExecutor(int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        Parallelism = parallelism;
    }

    /// <summary>Replications run at once.</summary>
    public int Parallelism { get; }

    public async Task RunAsync(SweepRequest request, IReadOnlyList<int> indices, Action<ReplicationSummary> completed, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(completed);
        var runner = ReplicationRunner.Create(request.Model, request.Scenario, request.BaseSeed);
        await RunAsync(runner, indices, completed, progress, ct).ConfigureAwait(false);
    }

    /// <summary>The same, with a model already compiled (a benchmark times the replications alone).</summary>
    public Task RunAsync(ReplicationRunner runner, IReadOnlyList<int> indices, Action<ReplicationSummary> completed, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(completed);
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct };

        // Simulations are CPU-bound and of uneven length: each thread takes the next index as it frees up (no chunks).
        return Task.Run(
            () =>
            {
                try
                {
                    Parallel.ForEach(Partitioner.Create(indices, EnumerablePartitionerOptions.NoBuffering), options, index =>
                    {
                        completed(runner.Run(index));
                        progress?.Report(Interlocked.Increment(ref done));
                    });
                }
                catch (AggregateException e) when (e.InnerExceptions.Count > 0)
                {
                    // The first problem as itself (a SweepModelException says what is wrong with the model), not wrapped.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
                }
            },
            ct);
    }
}
