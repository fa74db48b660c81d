namespace VirtLang.Runtime.Kernel;

/// <summary>
/// The discrete-event kernel: a clock in ticks, one queue of events ordered by (time, priority, sequence), and
/// cancellation by tombstone. Everything that happens — scenario events, the per-step sampling, a user's own
/// extensions — is an event on this queue. A run is a pure function of what was scheduled and the seeds: the same
/// inputs give the same sequence of events on any machine.
/// </summary>
public sealed class Simulation : IKernel
{
    private readonly EventHeap<EventOrder> _heap = new();
    private readonly EventRing _now = new();
    private readonly HashSet<long> _cancelled = [];
    private long _sequence;

    /// <summary>The current simulated time in ticks (<see cref="SimTime"/>).</summary>
    public long Now { get; private set; }

    /// <summary>Events handled so far (cancelled ones are not counted).</summary>
    public long ProcessedEvents { get; private set; }

    /// <summary>Events waiting, including cancelled ones not yet reached.</summary>
    public int Pending => _heap.Count + _now.Count;

    /// <summary>Schedules <paramref name="kind"/> for <paramref name="target"/> after <paramref name="delay"/> ticks (0: now, after what is already due now).</summary>
    public EventHandle Schedule(long delay, IEventTarget target, int kind, int priority = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        var item = new ScheduledEvent(Now + delay, priority, ++_sequence, target, kind);
        if (delay == 0 && priority == 0)
        {
            _now.Enqueue(item);
        }
        else
        {
            _heap.Push(item);
        }

        return new EventHandle(item.Sequence);
    }

    /// <summary>Schedules at an absolute time, which must not be in the past.</summary>
    public EventHandle ScheduleAt(long time, IEventTarget target, int kind, int priority = 0) =>
        Schedule(time - Now, target, kind, priority);

    /// <summary>Cancels a scheduled event; cancelling one that already ran (or none) does nothing.</summary>
    public void Cancel(EventHandle handle)
    {
        if (!handle.IsNone && handle.Sequence <= _sequence)
        {
            _cancelled.Add(handle.Sequence);
        }
    }

    /// <summary>Runs every event due at or before <paramref name="until"/>; the clock then stands at <paramref name="until"/>.</summary>
    public void RunUntil(long until)
    {
        while (TryNext(until, out var next))
        {
            Now = next.Time;
            ProcessedEvents++;
            next.Target.Handle(next.Kind);
        }

        if (until > Now)
        {
            Now = until;
        }
    }

    /// <summary>Runs until no event is left.</summary>
    public void RunToEnd() => RunUntil(long.MaxValue);

    private bool TryNext(long until, out ScheduledEvent next)
    {
        while (true)
        {
            bool fromRing;
            if (_now.Count > 0)
            {
                // The ring holds events due now at priority 0; a heap event due at the same time with a smaller
                // priority, or an earlier sequence at the same priority, goes first.
                fromRing = _heap.Count == 0 || default(EventOrder).Compare(_now.Peek(), _heap.Peek()) < 0;
            }
            else if (_heap.Count > 0)
            {
                fromRing = false;
            }
            else
            {
                next = default;
                return false;
            }

            var time = fromRing ? _now.Peek().Time : _heap.Peek().Time;
            if (time > until)
            {
                next = default;
                return false;
            }

            next = fromRing ? _now.Dequeue() : _heap.Pop();
            if (_cancelled.Count == 0 || !_cancelled.Remove(next.Sequence))
            {
                return true;
            }
        }
    }
}
