namespace VirtLang.Runtime.Kernel;

/// <summary>
/// The FIFO lane for events scheduled now at the default priority: they come out in the order they went in, with no
/// heap work. Grows by doubling; steady state allocates nothing.
/// </summary>
internal sealed class EventRing
{
    private ScheduledEvent[] _items = new ScheduledEvent[16];
    private int _head;

    public int Count { get; private set; }

    public ref readonly ScheduledEvent Peek() => ref _items[_head];

    public void Enqueue(in ScheduledEvent item)
    {
        if (Count == _items.Length)
        {
            var larger = new ScheduledEvent[_items.Length * 2];
            for (var i = 0; i < Count; i++)
            {
                larger[i] = _items[(_head + i) & (_items.Length - 1)];
            }

            _items = larger;
            _head = 0;
        }

        _items[(_head + Count) & (_items.Length - 1)] = item;
        Count++;
    }

    public ScheduledEvent Dequeue()
    {
        var item = _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return item;
    }
}
