namespace VirtLang.Runtime.Kernel;

/// <summary>
/// A 4-ary min-heap of structs: shallower than a binary heap, and the four children of a node share a cache line or
/// two. The comparer is a struct type parameter so that every comparison is inlined.
/// </summary>
internal sealed class EventHeap<TOrder>
    where TOrder : struct, IComparer<ScheduledEvent>
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

        // Sift up.
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (default(TOrder).Compare(item, _items[parent]) >= 0)
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = item;
    }

    public ScheduledEvent Pop()
    {
        var top = _items[0];
        var last = _items[--Count];
        _items[Count] = default; // drop the target reference
        if (Count > 0)
        {
            SiftDown(last);
        }

        return top;
    }

    private void SiftDown(in ScheduledEvent item)
    {
        var i = 0;
        var count = Count;
        while (true)
        {
            var first = (i << 2) + 1;
            if (first >= count)
            {
                break;
            }

            // The smallest of up to four children.
            var best = first;
            var end = Math.Min(first + 4, count);
            for (var c = first + 1; c < end; c++)
            {
                if (default(TOrder).Compare(_items[c], _items[best]) < 0)
                {
                    best = c;
                }
            }

            if (default(TOrder).Compare(_items[best], item) >= 0)
            {
                break;
            }

            _items[i] = _items[best];
            i = best;
        }

        _items[i] = item;
    }
}
