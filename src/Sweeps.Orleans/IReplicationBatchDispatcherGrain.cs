namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// The client's way into the cluster: a grain on the gateway silo the client talks to, which hands each batch to an
/// <see cref="IReplicationBatchGrain"/> placed at random and waits for it from inside the cluster. Why the extra hop:
/// a silo fails the calls it made to a silo as soon as that silo is declared dead, while an external client's calls
/// to a dead silo only end at their response timeout (minutes). Through the dispatcher, a worker that dies costs its
/// batches a few seconds of failure detection, and the client re-sends them.
/// </summary>
[Alias("virtlang.sweep.IReplicationBatchDispatcherGrain")]
public interface IReplicationBatchDispatcherGrain : IGrainWithIntegerKey
{
    /// <param name="batchKey">The batch grain to run it: a fresh key per attempt, so placement picks anew.</param>
    [Alias("dispatch")]
    Task<ReplicationBatchResult> DispatchAsync(Guid batchKey, ReplicationBatch batch);
}
