namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// A worker's cores as slots: at most one replication per core runs at once, however many batches are placed on the
/// worker (a sweep keeps up to 64 in flight, and several sweeps may share a worker). Each running replication holds a
/// simulator state, so this bounds a worker's memory as well as its threads; the rest wait their turn in order.
/// </summary>
public sealed class WorkerCores : IDisposable
{
    private readonly SemaphoreSlim slots;

    public WorkerCores()
        : this(Environment.ProcessorCount)
    {
    }

    public WorkerCores(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        slots = new SemaphoreSlim(count, count);
    }

    /// <summary>Replications run at once on this worker.</summary>
    public int Count { get; }

    /// <summary>Runs <paramref name="work"/> on the thread pool once a core is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work)
    {
        await slots.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Task.Run(work).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
