namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// Runs a sweep's replications on the workers of an Orleans cluster (the client side of <c>vdl sweep --cluster</c>).
/// The indices are cut into batches; at most <see cref="OrleansSweepOptions.MaxBatchesInFlight"/> are sent at once,
/// each through the gateway's <see cref="IReplicationBatchDispatcherGrain"/> to a fresh grain that random placement
/// puts on some worker. A failed call (a worker died, a timeout, a
/// connection lost) sends the batch again, to a new grain, up to <see cref="OrleansSweepOptions.MaxAttemptsPerBatch"/>
/// times; so a worker that dies mid-sweep loses nothing. Each index's summary is handed to <c>completed</c> exactly
/// once, one at a time, whichever attempt returned it first; the aggregate does not depend on where or in which order
/// replications ran (<see cref="SweepAggregator"/>). A model that cannot run fails the sweep at once with the worker's
/// <see cref="SweepModelException"/>: it would fail the same way everywhere.
/// </summary>
public sealed class OrleansSweepExecutor(IGrainFactory grains, OrleansSweepOptions? options = null) : ISweepExecutor
{
    private readonly OrleansSweepOptions options = options ?? new OrleansSweepOptions();

    /// <summary>Attempts that failed and were sent again, over this executor's life (tests and the CLI's notice read it).</summary>
    public int Retries => retries;

    private int retries;

    public async Task RunAsync(SweepRequest request, IReadOnlyList<int> indices, Action<ReplicationSummary> completed, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(completed);
        if (indices.Count == 0)
        {
            return;
        }

        var model = request.Model.ToBytes();
        if (model.Length > SweepClusterSettings.MaxBundleBytes)
        {
            throw new SweepClusterException(
                $"the model's bundle is {model.Length / (1024 * 1024)} MiB, more than the {SweepClusterSettings.MaxBundleBytes / (1024 * 1024)} MiB a cluster message may carry; sweep it locally (without --cluster)");
        }

        var batchSize = options.BatchSizeFor(indices.Count);
        var delivered = new bool[indices.Count];
        var done = 0;
        var nextStart = 0;
        var retry = new Queue<Batch>();
        var inFlight = new List<Task<Outcome>>();
        var maxInFlight = Math.Max(1, options.MaxBatchesInFlight);

        while (nextStart < indices.Count || retry.Count > 0 || inFlight.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            while (inFlight.Count < maxInFlight && (retry.Count > 0 || nextStart < indices.Count))
            {
                Batch batch;
                if (retry.Count > 0)
                {
                    batch = retry.Dequeue();
                }
                else
                {
                    var count = Math.Min(batchSize, indices.Count - nextStart);
                    batch = new Batch(nextStart, count, 0);
                    nextStart += count;
                }

                inFlight.Add(SendAsync(batch, model, request, indices, ct));
            }

            var finished = await Task.WhenAny(inFlight).ConfigureAwait(false);
            inFlight.Remove(finished);
            var outcome = await finished.ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                ct.ThrowIfCancellationRequested();
                var attempts = outcome.Batch.Attempts + 1;
                if (attempts >= options.MaxAttemptsPerBatch)
                {
                    throw new SweepClusterException(
                        $"replications {indices[outcome.Batch.Start]}..{indices[outcome.Batch.Start + outcome.Batch.Count - 1]} failed on {attempts} attempts; the last: {error.GetType().Name}: {error.Message}",
                        error);
                }

                Interlocked.Increment(ref retries);
                retry.Enqueue(outcome.Batch with { Attempts = attempts });
                continue;
            }

            if (outcome.Result!.Refusal is { } refusal)
            {
                throw new SweepModelException(refusal, outcome.Result.Diagnostics);
            }

            var summaries = outcome.Result.Summaries;
            if (summaries.Length != outcome.Batch.Count)
            {
                throw new SweepClusterException($"a worker returned {summaries.Length} summaries for a batch of {outcome.Batch.Count} replications");
            }

            for (var k = 0; k < summaries.Length; k++)
            {
                var position = outcome.Batch.Start + k;
                if (delivered[position])
                {
                    continue;
                }

                delivered[position] = true;
                completed(ReplicationSummary.FromBytes(summaries[k]));
                done++;
                progress?.Report(done);
            }
        }
    }

    /// <summary>One attempt at a batch: never throws (but for cancellation); a failure comes back as the outcome.</summary>
    private async Task<Outcome> SendAsync(Batch batch, byte[] model, SweepRequest request, IReadOnlyList<int> indices, CancellationToken ct)
    {
        if (batch.Attempts > 0)
        {
            // Give the cluster time to notice a dead worker before placing the batch again, longer each time.
            var delay = TimeSpan.FromMilliseconds(Math.Min(options.MaxRetryDelay.TotalMilliseconds, 250.0 * batch.Attempts));
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }

        var chosen = new int[batch.Count];
        for (var k = 0; k < batch.Count; k++)
        {
            chosen[k] = indices[batch.Start + k];
        }

        try
        {
            var dispatcher = grains.GetGrain<IReplicationBatchDispatcherGrain>(0);
            var result = await dispatcher.DispatchAsync(Guid.NewGuid(), new ReplicationBatch(model, request.Scenario, request.BaseSeed, chosen)).WaitAsync(ct).ConfigureAwait(false);
            return new Outcome(batch, result, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return new Outcome(batch, null, e);
        }
    }

    /// <summary>A run of positions in the sweep's index list, and how many attempts at it failed so far.</summary>
    private sealed record Batch(int Start, int Count, int Attempts);

    private sealed record Outcome(Batch Batch, ReplicationBatchResult? Result, Exception? Error);
}
