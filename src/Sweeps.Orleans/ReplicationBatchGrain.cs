using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// Runs a batch on the silo it was placed on. Random placement (not <c>StatelessWorker</c>, which always stays on the
/// caller's silo) is what spreads a sweep's batches over the workers. The model is compiled once per silo through
/// <see cref="CompiledModelCache"/>; the replications run on the thread pool, off Orleans' scheduler, one per core
/// at most over all the batches on the worker (<see cref="WorkerCores"/>). The activation is released after its one call: batches are
/// never called twice, and a sweep of N replications must not leave N/batch activations behind.
/// </summary>
[RandomPlacement]
internal sealed class ReplicationBatchGrain(CompiledModelCache models, WorkerCores cores, IServiceProvider services) : Grain, IReplicationBatchGrain
{
    public async Task<ReplicationBatchResult> RunAsync(ReplicationBatch batch)
    {
        try
        {
            if (services.GetService<IBatchStartHook>() is { } hook)
            {
                await hook.BeforeRunAsync();
            }

            // Compiled once per worker (the first batch of a model waits for it, the others share it).
            var runner = await models.GetAsync(batch.Model, batch.Scenario, batch.BaseSeed);
            var summaries = new byte[batch.Indices.Length][];
            for (var k = 0; k < summaries.Length; k++)
            {
                var index = batch.Indices[k];
                summaries[k] = await cores.RunAsync(() => runner.Run(index).ToBytes());
            }

            return ReplicationBatchResult.Ran(summaries);
        }
        catch (SweepModelException e)
        {
            return ReplicationBatchResult.Refused(e.Diagnostics.Count == 0 ? e.Message : FirstLine(e.Message), e.Diagnostics, e.Problem);
        }
        catch (SweepDataException e)
        {
            return ReplicationBatchResult.Refused(e.Message, [], SweepModelProblem.Files);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
