using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VirtLang.Runtime.Kernel;

/// <summary>
/// A 4-ary min-heap of <see cref="ScheduledEvent"/>: shallower than a binary heap, and the four children of a node
/// share a cache line or two. Besides push and remove it can replace its top in one sift (what a kernel does when the
/// event it just took schedules the next one), and it sifts down by moving the hole, Floyd's way: the hole goes down
/// the smaller children to a leaf, and the item that fills it climbs back the little way it has to.
/// </summary>
internal sealed class EventHeap
{
    private ScheduledEvent[] _items = new ScheduledEvent[64];

    public int Count { get; private set; }

    public ref readonly ScheduledEvent Peek() => ref _items[0];

    public void Push(in ScheduledEvent item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        SiftUp(Count++, item);
    }

    /// <summary>Removes the top.</summary>
    public void RemoveTop()
    {
        var count = --Count;
        if (count > 0)
        {
            SiftDown(_items[count]);
        }
    }

    /// <summary>Removes the top and pushes <paramref name="item"/>, with one sift instead of two.</summary>
    public void ReplaceTop(in ScheduledEvent item) => SiftDown(item);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftUp(int i, ScheduledEvent item)
    {
        ref var items = ref MemoryMarshal.GetArrayDataReference(_items);
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            ref var above = ref Unsafe.Add(ref items, parent);
            if (!ScheduledEvent.Precedes(item, above))
            {
                break;
            }

            Unsafe.Add(ref items, i) = above;
            i = parent;
        }

        Unsafe.Add(ref items, i) = item;
    }

    /// <summary>Fills the hole at the top with <paramref name="item"/>, which is not in the heap (Count already excludes it).</summary>
    private void SiftDown(ScheduledEvent item)
    {
        // Bounds: every index below is under Count, which never exceeds the array's length.
        ref var items = ref MemoryMarshal.GetArrayDataReference(_items);
        var count = Count;
        var hole = 0;
        while (true)
        {
            var first = (hole << 2) + 1;
            if (first >= count)
            {
                break;
            }

            // The smallest of up to four children moves up into the hole.
            var best = first;
            var end = Math.Min(first + 4, count);
            for (var c = first + 1; c < end; c++)
            {
                if (ScheduledEvent.Precedes(Unsafe.Add(ref items, c), Unsafe.Add(ref items, best)))
                {
                    best = c;
                }
            }

            Unsafe.Add(ref items, hole) = Unsafe.Add(ref items, best);
            hole = best;
        }

        SiftUp(hole, item);
    }
}
