using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// Runs a batch on the silo it was placed on. Random placement (not <c>StatelessWorker</c>, which always stays on the
/// caller's silo) is what spreads a sweep's batches over the workers. The model is compiled once per silo through
/// <see cref="CompiledModelCache"/>; the replications run on the thread pool, off Orleans' scheduler, so one batch
/// does not hold a scheduler thread for its whole run. The activation is released after its one call: batches are
/// never called twice, and a sweep of N replications must not leave N/batch activations behind.
/// </summary>
[RandomPlacement]
internal sealed class ReplicationBatchGrain(CompiledModelCache models, IServiceProvider services) : Grain, IReplicationBatchGrain
{
    public async Task<ReplicationBatchResult> RunAsync(ReplicationBatch batch)
    {
        try
        {
            if (services.GetService<IBatchStartHook>() is { } hook)
            {
                await hook.BeforeRunAsync();
            }

            return await Task.Run(() =>
            {
                var runner = models.Get(batch.Model, batch.Scenario, batch.BaseSeed);
                var summaries = new byte[batch.Indices.Length][];
                for (var k = 0; k < summaries.Length; k++)
                {
                    summaries[k] = runner.Run(batch.Indices[k]).ToBytes();
                }

                return ReplicationBatchResult.Ran(summaries);
            });
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
