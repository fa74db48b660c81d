namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>
/// A silo's batch hook for tests: once <see cref="Hold"/> is called, every batch placed on the silo waits forever and
/// <see cref="Holding"/> completes, so a test kills the silo while it surely has a batch running.
/// </summary>
internal sealed class HeldBatches : IBatchStartHook
{
    private readonly TaskCompletionSource holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool held;

    public Task Holding => holding.Task;

    public void Hold() => held = true;

    public Task BeforeRunAsync()
    {
        if (!held)
        {
            return Task.CompletedTask;
        }

        holding.TrySetResult();
        return Task.Delay(Timeout.Infinite);
    }
}
