namespace VirtLang.Sweeps;

/// <summary>
/// Runs replications of a sweep somewhere: on this machine's cores (<see cref="LocalSweepExecutor"/>) or on a cluster.
/// Whatever runs them, each index's summary is a pure function of the request and the index, so the aggregate does
/// not depend on the executor.
/// </summary>
public interface ISweepExecutor
{
    /// <summary>
    /// Runs the replications <paramref name="indices"/> of <paramref name="request"/>, calling
    /// <paramref name="completed"/> once per replication as it finishes (from any thread, in any order; an index may be
    /// reported more than once after a retry: the aggregator counts it once), and <paramref name="progress"/> with the
    /// number completed so far.
    /// </summary>
    /// <exception cref="SweepModelException">The model cannot be run.</exception>
    Task RunAsync(SweepRequest request, IReadOnlyList<int> indices, Action<ReplicationSummary> completed, IProgress<int>? progress, CancellationToken ct);
}
