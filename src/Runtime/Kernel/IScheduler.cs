namespace VirtLang.Runtime.Kernel;

/// <summary>What a model needs of a kernel: the clock, scheduling and cancellation.</summary>
public interface IScheduler
{
    /// <summary>The current simulated time in ticks (<see cref="SimTime"/>).</summary>
    long Now { get; }

    /// <summary>Schedules <paramref name="kind"/> for <paramref name="target"/> after <paramref name="delay"/> ticks.</summary>
    EventHandle Schedule(long delay, IEventTarget target, int kind, int priority = 0);

    /// <summary>Cancels a scheduled event; cancelling one that already ran (or none) does nothing.</summary>
    void Cancel(EventHandle handle);
}
