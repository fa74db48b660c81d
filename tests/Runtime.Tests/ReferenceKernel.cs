using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// The kernel's contract written the plainest way, to check the real one against: a sorted set keyed by (time,
/// priority, sequence), cancellation by removing the entry. Slow and obviously right.
/// </summary>
internal sealed class ReferenceKernel : IKernel
{
    private readonly SortedSet<(long Time, int Priority, long Sequence)> _queue = [];
    private readonly Dictionary<long, (IEventTarget Target, int Kind)> _events = [];
    private long _sequence;

    public long Now { get; private set; }

    public long ProcessedEvents { get; private set; }

    public EventHandle Schedule(long delay, IEventTarget target, int kind, int priority = 0)
    {
        var sequence = ++_sequence;
        _queue.Add((Now + delay, priority, sequence));
        _events.Add(sequence, (target, kind));
        return new EventHandle(sequence);
    }

    public void Cancel(EventHandle handle)
    {
        if (_events.Remove(handle.Sequence))
        {
            _queue.RemoveWhere(e => e.Sequence == handle.Sequence);
        }
    }

    public void RunUntil(long until)
    {
        while (_queue.Count > 0 && _queue.Min.Time <= until)
        {
            var first = _queue.Min;
            _queue.Remove(first);
            _events.Remove(first.Sequence, out var e);
            Now = first.Time;
            ProcessedEvents++;
            e.Target.Handle(e.Kind);
        }

        Now = Math.Max(Now, until);
    }
}
