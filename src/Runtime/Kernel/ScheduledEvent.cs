using System.Runtime.CompilerServices;

namespace VirtLang.Runtime.Kernel;

/// <summary>
/// One entry of the event queue: 24 bytes and no object reference, so the heap moves it as plain memory (no GC write
/// barrier per move) and a cache line holds more than two. Ordered by time, then priority (lower first), then
/// sequence; priority and sequence are packed into one key, <see cref="Order"/>, so the order is two comparisons of
/// longs. The target lives in <see cref="EventSlots"/> under <see cref="Slot"/>.
/// </summary>
internal readonly struct ScheduledEvent(long time, long order, int slot, int kind)
{
    /// <summary>Bits of <see cref="Order"/> below the priority: the sequence number, up to 2^40 events a run.</summary>
    public const int SequenceBits = 40;

    public const long MaxSequence = (1L << SequenceBits) - 1;

    /// <summary>Priorities from −2^23 to 2^23 − 1: the 24 bits above the sequence in a signed long, in order.</summary>
    public const int MinPriority = -(1 << (63 - SequenceBits));

    public const int MaxPriority = (1 << (63 - SequenceBits)) - 1;

    public readonly long Time = time;

    /// <summary>(priority ≪ 40) | sequence: comparing it as a signed long compares the priority, then the sequence.</summary>
    public readonly long Order = order;

    public readonly int Slot = slot;

    public readonly int Kind = kind;

    public long Sequence => Order & MaxSequence;

    public static long OrderOf(int priority, long sequence) => ((long)priority << SequenceBits) | sequence;

    /// <summary>
    /// Whether <paramref name="x"/> runs before <paramref name="y"/>. The sequence number is part of the key: ties in time
    /// and priority run in the order they were scheduled (which .NET's PriorityQueue does not promise).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Precedes(in ScheduledEvent x, in ScheduledEvent y) =>
        x.Time < y.Time || (x.Time == y.Time && x.Order < y.Order);
}
