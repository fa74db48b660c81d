using Orleans.Concurrency;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// A stateless worker (so it stays on the client's gateway silo, one activation there) and reentrant (it only waits on
/// batch grains, so it serves every batch in flight at once rather than one at a time).
/// </summary>
[StatelessWorker(1), Reentrant]
internal sealed class ReplicationBatchDispatcherGrain : Grain, IReplicationBatchDispatcherGrain
{
    public Task<ReplicationBatchResult> DispatchAsync(Guid batchKey, ReplicationBatch batch) =>
        GrainFactory.GetGrain<IReplicationBatchGrain>(batchKey).RunAsync(batch);
}
