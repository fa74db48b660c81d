using System.Diagnostics;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// Runs a sweep's replications on the workers of an Orleans cluster (the client side of <c>vdl sweep --cluster</c>).
/// The indices are cut into batches; at most <see cref="OrleansSweepOptions.MaxBatchesInFlight"/> are sent at once,
/// each through the gateway's <see cref="IReplicationBatchDispatcherGrain"/> to a fresh grain that random placement
/// puts on some worker. A batch is sent again, to a new grain, when its call fails (a worker died and the cluster
/// declared it dead, a connection was lost) and when it is overdue: out far longer than the batches that came back
/// (<see cref="OrleansSweepOptions.OverdueAfter"/>), which is how a worker that died unnoticed (the cluster's probes
/// can call a dead worker's silence "inconclusive" on a loaded machine) or a stalled one is left behind. The first
/// answer for a batch wins; a later one for the same replications is ignored, so each index's summary is handed to
/// <c>completed</c> exactly once, one at a time. At most <see cref="OrleansSweepOptions.MaxAttemptsPerBatch"/>
/// attempts per batch. The aggregate does not depend on where or in which order replications ran
/// (<see cref="SweepAggregator"/>). A model that cannot run fails the sweep at once with the worker's
/// <see cref="SweepModelException"/>: it would fail the same way everywhere.
/// </summary>
public sealed class OrleansSweepExecutor(IGrainFactory grains, OrleansSweepOptions? options = null) : ISweepExecutor
{
    private readonly OrleansSweepOptions options = options ?? new OrleansSweepOptions();

    private int retries;

    /// <summary>Attempts sent again (after a failure or as overdue), over this executor's life (tests and the CLI's notice read it).</summary>
    public int Retries => retries;

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

        // Ends the attempts left behind (overdue, or still out when the last replication came back).
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await RunBatchesAsync(model, request, indices, completed, progress, abandon.Token, ct).ConfigureAwait(false);
        }
        finally
        {
            await abandon.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task RunBatchesAsync(byte[] model, SweepRequest request, IReadOnlyList<int> indices, Action<ReplicationSummary> completed, IProgress<int>? progress, CancellationToken attemptsToken, CancellationToken ct)
    {
        var batchSize = options.BatchSizeFor(indices.Count);
        var batchCount = (indices.Count + batchSize - 1) / batchSize;
        var answered = new bool[batchCount];
        var attempts = new int[batchCount];
        var waiting = new Queue<int>(Enumerable.Range(0, batchCount));
        var inFlight = new List<Attempt>();
        var clock = Stopwatch.StartNew();
        var longestAnswer = TimeSpan.Zero;
        var done = 0;
        var maxInFlight = Math.Max(1, options.MaxBatchesInFlight);

        while (done < indices.Count)
        {
            ct.ThrowIfCancellationRequested();
            while (inFlight.Count < maxInFlight && waiting.Count > 0)
            {
                var batch = waiting.Dequeue();
                if (answered[batch])
                {
                    continue;
                }

                if (attempts[batch] >= options.MaxAttemptsPerBatch)
                {
                    throw new SweepClusterException($"{Describe(batch)} got no answer in {attempts[batch]} attempts; are the workers still running?");
                }

                var retry = attempts[batch] > 0;
                attempts[batch]++;
                var (start, count) = Range(batch);
                inFlight.Add(new Attempt(batch, clock.Elapsed, SendAsync(start, count, retry ? attempts[batch] - 1 : 0, model, request, indices, attemptsToken)));
            }

            if (inFlight.Count == 0)
            {
                continue;
            }

            // Wake at the first answer, or in a while to look for overdue attempts.
            var first = Task.WhenAny(inFlight.Select(a => (Task)a.Task));
            await Task.WhenAny(first, Task.Delay(options.OverdueCheckPeriod, ct)).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();

            var overdueAfter = options.OverdueAfter(longestAnswer);
            for (var i = inFlight.Count - 1; i >= 0; i--)
            {
                var attempt = inFlight[i];
                if (!attempt.Task.IsCompleted)
                {
                    if (clock.Elapsed - attempt.Sent > overdueAfter && !answered[attempt.Batch])
                    {
                        // Left running (its answer, should it come, is ignored); the batch goes out again.
                        inFlight.RemoveAt(i);
                        Interlocked.Increment(ref retries);
                        waiting.Enqueue(attempt.Batch);
                    }

                    continue;
                }

                inFlight.RemoveAt(i);
                var outcome = await attempt.Task.ConfigureAwait(false);
                if (answered[attempt.Batch])
                {
                    continue;
                }

                if (outcome.Error is { } error)
                {
                    if (attempts[attempt.Batch] >= options.MaxAttemptsPerBatch)
                    {
                        throw new SweepClusterException($"{Describe(attempt.Batch)} failed on all {attempts[attempt.Batch]} attempts; the last: {error.GetType().Name}: {FirstLine(error.Message)}", error);
                    }

                    Interlocked.Increment(ref retries);
                    waiting.Enqueue(attempt.Batch);
                    continue;
                }

                var result = outcome.Result!;
                if (result.Refusal is not null)
                {
                    throw result.ToException();
                }

                var (_, count) = Range(attempt.Batch);
                if (result.Summaries.Length != count)
                {
                    throw new SweepClusterException($"a worker returned {result.Summaries.Length} summaries for a batch of {count} replications");
                }

                answered[attempt.Batch] = true;
                var took = clock.Elapsed - attempt.Sent;
                longestAnswer = took > longestAnswer ? took : longestAnswer;
                foreach (var bytes in result.Summaries)
                {
                    completed(ReplicationSummary.FromBytes(bytes));
                    done++;
                    progress?.Report(done);
                }

            }
        }

        (int Start, int Count) Range(int batch)
        {
            var start = batch * batchSize;
            return (start, Math.Min(batchSize, indices.Count - start));
        }

        string Describe(int batch)
        {
            var (start, count) = Range(batch);
            return $"the batch of replications {indices[start]}..{indices[start + count - 1]}";
        }
    }

    /// <summary>One attempt at a batch: never throws (but for cancellation); a failure comes back as the outcome.</summary>
    private async Task<Outcome> SendAsync(int start, int count, int retriesBefore, byte[] model, SweepRequest request, IReadOnlyList<int> indices, CancellationToken ct)
    {
        try
        {
            if (retriesBefore > 0)
            {
                // Give the cluster time to notice a dead worker before placing the batch again, longer each time.
                var delay = TimeSpan.FromMilliseconds(Math.Min(options.MaxRetryDelay.TotalMilliseconds, 250.0 * retriesBefore));
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }

            var chosen = new int[count];
            for (var k = 0; k < count; k++)
            {
                chosen[k] = indices[start + k];
            }

            var dispatcher = grains.GetGrain<IReplicationBatchDispatcherGrain>(0);
            var result = await dispatcher.DispatchAsync(Guid.NewGuid(), new ReplicationBatch(model, request.Scenario, request.BaseSeed, chosen)).WaitAsync(ct).ConfigureAwait(false);
            return new Outcome(result, null);
        }
        catch (Exception e)
        {
            return new Outcome(null, e);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>An attempt in flight: which batch, when it was sent, and its call.</summary>
    private sealed record Attempt(int Batch, TimeSpan Sent, Task<Outcome> Task);

    private sealed record Outcome(ReplicationBatchResult? Result, Exception? Error);
}
