using VirtLang.Runtime.Kernel;

namespace VirtLang.Benchmarks.MachineShop;

/// <summary>
/// The baseline: the same kernel contract on .NET's <see cref="PriorityQueue{TElement, TPriority}"/>, keyed by
/// (time, priority, sequence) as ours is (PriorityQueue alone does not keep insertion order for equal keys).
/// </summary>
public sealed class PriorityQueueKernel : IKernel
{
    private readonly PriorityQueue<(IEventTarget Target, int Kind, long Sequence), (long Time, int Priority, long Sequence)> _queue = new();
    private readonly HashSet<long> _cancelled = [];
    private long _sequence;

    public long Now { get; private set; }

    public long ProcessedEvents { get; private set; }

    public EventHandle Schedule(long delay, IEventTarget target, int kind, int priority = 0)
    {
        var sequence = ++_sequence;
        _queue.Enqueue((target, kind, sequence), (Now + delay, priority, sequence));
        return new EventHandle(sequence);
    }

    public void Cancel(EventHandle handle)
    {
        if (!handle.IsNone)
        {
            _cancelled.Add(handle.Sequence);
        }
    }

    public void RunUntil(long until)
    {
        while (_queue.TryPeek(out _, out var key) && key.Time <= until)
        {
            var (target, kind, sequence) = _queue.Dequeue();
            if (_cancelled.Count > 0 && _cancelled.Remove(sequence))
            {
                continue;
            }

            Now = key.Time;
            ProcessedEvents++;
            target.Handle(kind);
        }

        Now = Math.Max(Now, until);
    }
}
