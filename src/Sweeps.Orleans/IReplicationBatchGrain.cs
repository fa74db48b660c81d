namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// A worker's side of a sweep: runs one batch of replications and returns their summaries. The client makes one
/// grain per batch attempt (a fresh key), so random placement spreads batches over the silos that joined, and a batch
/// re-sent after a failure lands on a new activation, wherever placement puts it.
/// </summary>
[Alias("virtlang.sweep.IReplicationBatchGrain")]
public interface IReplicationBatchGrain : IGrainWithGuidKey
{
    [Alias("run")]
    Task<ReplicationBatchResult> RunAsync(ReplicationBatch batch);
}
