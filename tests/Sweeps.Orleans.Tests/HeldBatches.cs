namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>
/// A silo's batch hook for tests: between <see cref="Hold"/> and <see cref="Release"/>, every batch placed on the silo
/// waits (a stalled worker) and <see cref="Holding"/> completes, so a test can kill the silo while it surely has a
/// batch running, or watch the client give up waiting on it.
/// </summary>
internal sealed class HeldBatches : IBatchStartHook
{
    private readonly TaskCompletionSource holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? released;

    public Task Holding => holding.Task;

    public void Hold() => Volatile.Write(ref released, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Interlocked.Exchange(ref released, null)?.TrySetResult();

    public Task BeforeRunAsync()
    {
        if (Volatile.Read(ref released) is not { } gate)
        {
            return Task.CompletedTask;
        }

        holding.TrySetResult();
        return gate.Task;
    }
}
