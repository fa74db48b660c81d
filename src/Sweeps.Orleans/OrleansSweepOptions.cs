namespace VirtLang.Sweeps.Orleans;

/// <summary>How <see cref="OrleansSweepExecutor"/> cuts a sweep into batches and how hard it tries (docs/limits.md).</summary>
public sealed record OrleansSweepOptions
{
    /// <summary>The most replications one call carries.</summary>
    public const int MaxBatchSize = 256;

    /// <summary>Replications per batch; 0 picks one from the number of replications and <see cref="MaxBatchesInFlight"/>.</summary>
    public int BatchSize { get; init; }

    /// <summary>
    /// Batches sent and not yet answered, at most: enough to keep every core of a few workers busy (a batch runs on one
    /// core), few enough that the client holds a bounded number of replies.
    /// </summary>
    public int MaxBatchesInFlight { get; init; } = 64;

    /// <summary>How many times one batch is sent before the sweep fails: a dead worker costs a batch one attempt.</summary>
    public int MaxAttemptsPerBatch { get; init; } = 20;

    /// <summary>The longest wait between two attempts at a batch (the wait grows with the attempts up to this).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The batch size used for <paramref name="replications"/> replications.</summary>
    public int BatchSizeFor(int replications)
    {
        if (BatchSize > 0)
        {
            return Math.Min(BatchSize, MaxBatchSize);
        }

        // About four batches per slot in flight: small enough that the load evens out over the workers and a lost
        // batch costs little, large enough that the per-call cost is spread over several replications.
        var perBatch = replications / (Math.Max(1, MaxBatchesInFlight) * 4);
        return Math.Clamp(perBatch, 1, 32);
    }
}
