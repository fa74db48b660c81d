namespace VirtLang.Compiler.Binding;

/// <summary>
/// A list that grows by chunks small enough to stay off the large-object heap, never by copying: the binder records a
/// reference for every name a model uses (a quarter of a million in a large one), and a <see cref="List{T}"/> that
/// doubled to hold them copied each time into a new large array, which the collector then had to sweep.
/// </summary>
internal sealed class ChunkedList<T>
{
    // 1,024 elements of up to 32 bytes: 32 KB per chunk, under the large-object threshold (85,000 bytes).
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index]
    {
        get => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        set => _chunks[index >> ChunkBits][index & (ChunkSize - 1)] = value;
    }

    public void Add(T item)
    {
        if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkBits == _chunks.Count)
        {
            _chunks.Add(new T[ChunkSize]);
        }

        this[Count++] = item;
    }

    /// <summary>Keeps the first <paramref name="count"/> elements.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        for (var i = count; i < Count; i++)
        {
            this[i] = default!; // release what the dropped elements held
        }

        Count = count;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>A struct enumerator: a foreach over the list allocates nothing.</summary>
    public struct Enumerator(ChunkedList<T> list)
    {
        private int _index = -1;

        public readonly T Current => list[_index];

        public bool MoveNext() => ++_index < list.Count;
    }
}
