namespace VirtLang.Runtime.Kernel;

/// <summary>A scheduler that can also run: what drives a model (the models themselves only need <see cref="IScheduler"/>).</summary>
public interface IKernel : IScheduler
{
    /// <summary>Events handled so far.</summary>
    long ProcessedEvents { get; }

    /// <summary>Runs every event due at or before <paramref name="until"/>.</summary>
    void RunUntil(long until);
}
