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

    /// <summary>An attempt still out after this long is sent again, before any batch has come back.</summary>
    public TimeSpan MinOverdue { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>An attempt is overdue after this many times the longest a batch took to come back (at least <see cref="MinOverdue"/>).</summary>
    public double OverdueFactor { get; init; } = 4;

    /// <summary>How often the executor looks for overdue attempts.</summary>
    public TimeSpan OverdueCheckPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When an attempt is given up as lost and its batch sent again: <see cref="OverdueFactor"/> times the longest a
    /// batch took so far, at least <see cref="MinOverdue"/>. A slow worker's attempt is left running meanwhile, and
    /// whichever answer comes first is taken.
    /// </summary>
    public TimeSpan OverdueAfter(TimeSpan longestAnswer)
    {
        var scaled = TimeSpan.FromTicks((long)(longestAnswer.Ticks * OverdueFactor));
        return scaled > MinOverdue ? scaled : MinOverdue;
    }

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
