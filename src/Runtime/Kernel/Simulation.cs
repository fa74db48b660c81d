namespace VirtLang.Runtime.Kernel;

/// <summary>
/// The discrete-event kernel: a clock in ticks, one queue of events ordered by (time, priority, sequence), and
/// cancellation in O(1) by slot. Everything that happens — scenario events, the per-step sampling, a user's own
/// extensions — is an event on this queue. A run is a pure function of what was scheduled and the seeds: the same
/// inputs give the same sequence of events on any machine.
/// </summary>
/// <remarks>
/// The event being handled stays at the top of the heap until its handler schedules something: the first event it
/// sends to the heap replaces it there in one sift (most handlers schedule their own next event), and only when it
/// schedules none is the top removed, before the next event is chosen. The order is the key's either way.
/// </remarks>
public sealed class Simulation : IKernel
{
    private readonly EventHeap _heap = new();
    private readonly EventRing _now = new();
    private readonly EventSlots _slots = new();
    private long _sequence;

    // The top of the heap is the event being handled: taken, not yet removed.
    private bool _topTaken;

    /// <summary>The current simulated time in ticks (<see cref="SimTime"/>).</summary>
    public long Now { get; private set; }

    /// <summary>Events handled so far (cancelled ones are not counted).</summary>
    public long ProcessedEvents { get; private set; }

    /// <summary>Events waiting, including cancelled ones not yet reached.</summary>
    public int Pending => _heap.Count - (_topTaken ? 1 : 0) + _now.Count;

    /// <summary>
    /// Schedules <paramref name="kind"/> for <paramref name="target"/> after <paramref name="delay"/> ticks (0: now, after
    /// what is already due now). Priorities run from −2^23 to 2^23 − 1, lower first.
    /// </summary>
    public EventHandle Schedule(long delay, IEventTarget target, int kind, int priority = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        ArgumentOutOfRangeException.ThrowIfLessThan(priority, ScheduledEvent.MinPriority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, ScheduledEvent.MaxPriority);
        if (_sequence == ScheduledEvent.MaxSequence)
        {
            throw new InvalidOperationException($"a run schedules at most {ScheduledEvent.MaxSequence:N0} events");
        }

        var sequence = ++_sequence;
        var slot = _slots.Take(target, sequence);
        var item = new ScheduledEvent(Now + delay, ScheduledEvent.OrderOf(priority, sequence), slot, kind);
        if (delay == 0 && priority == 0)
        {
            _now.Enqueue(item);
        }
        else if (_topTaken)
        {
            _topTaken = false;
            _heap.ReplaceTop(item);
        }
        else
        {
            _heap.Push(item);
        }

        return new EventHandle(sequence, slot);
    }

    /// <summary>Schedules at an absolute time, which must not be in the past.</summary>
    public EventHandle ScheduleAt(long time, IEventTarget target, int kind, int priority = 0) =>
        Schedule(time - Now, target, kind, priority);

    /// <summary>Cancels a scheduled event; cancelling one that already ran (or none) does nothing.</summary>
    public void Cancel(EventHandle handle)
    {
        if (!handle.IsNone)
        {
            _slots.Cancel(handle.Slot, handle.Sequence);
        }
    }

    /// <summary>Runs every event due at or before <paramref name="until"/>; the clock then stands at <paramref name="until"/>.</summary>
    public void RunUntil(long until)
    {
        while (TryNext(until, out var next, out var target))
        {
            Now = next.Time;
            ProcessedEvents++;
            target.Handle(next.Kind);
        }

        if (until > Now)
        {
            Now = until;
        }
    }

    /// <summary>Runs until no event is left.</summary>
    public void RunToEnd() => RunUntil(long.MaxValue);

    private bool TryNext(long until, out ScheduledEvent next, out IEventTarget target)
    {
        while (true)
        {
            if (_topTaken)
            {
                _topTaken = false;
                _heap.RemoveTop();
            }

            bool fromRing;
            if (_now.Count > 0)
            {
                // The ring holds events due now at priority 0; a heap event due at the same time with a smaller
                // priority, or an earlier sequence at the same priority, goes first.
                fromRing = _heap.Count == 0 || ScheduledEvent.Precedes(_now.Peek(), _heap.Peek());
            }
            else if (_heap.Count > 0)
            {
                fromRing = false;
            }
            else
            {
                break;
            }

            if (fromRing)
            {
                if (_now.Peek().Time > until)
                {
                    break;
                }

                next = _now.Dequeue();
            }
            else
            {
                next = _heap.Peek();
                if (next.Time > until)
                {
                    break;
                }

                _topTaken = true;
            }

            var live = _slots.Release(next);
            if (live is not null)
            {
                target = live;
                return true;
            }
        }

        next = default;
        target = null!;
        return false;
    }
}
