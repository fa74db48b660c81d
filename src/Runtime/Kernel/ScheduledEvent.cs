namespace VirtLang.Runtime.Kernel;

/// <summary>One entry of the event queue, a struct: ordered by time, then priority (lower first), then sequence.</summary>
internal readonly struct ScheduledEvent(long time, int priority, long sequence, IEventTarget target, int kind)
{
    public readonly long Time = time;
    public readonly int Priority = priority;
    public readonly long Sequence = sequence;
    public readonly IEventTarget Target = target;
    public readonly int Kind = kind;
}

/// <summary>
/// The order of events, as a struct so the heap's comparisons inline. The sequence number is part of the key: ties in
/// time and priority run in the order they were scheduled (which .NET's PriorityQueue does not promise).
/// </summary>
internal readonly struct EventOrder : IComparer<ScheduledEvent>
{
    public int Compare(ScheduledEvent x, ScheduledEvent y)
    {
        if (x.Time != y.Time)
        {
            return x.Time < y.Time ? -1 : 1;
        }

        if (x.Priority != y.Priority)
        {
            return x.Priority < y.Priority ? -1 : 1;
        }

        return x.Sequence.CompareTo(y.Sequence);
    }
}
