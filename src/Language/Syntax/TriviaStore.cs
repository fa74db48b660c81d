using VirtLang.Language.Text;

namespace VirtLang.Language.Syntax;

/// <summary>
/// All trivia of one tree in one append-only array; tokens refer to a contiguous range of it. Written only while the
/// tree is built, read-only afterwards. Keeps a 10 MB model's tree compact (no array per token).
/// </summary>
internal sealed class TriviaStore
{
    private TriviaData[] _items;

    public TriviaStore(SourceText source)
    {
        Source = source;
        // About one trivia per three characters in real models: sized once, the array is rarely copied.
        _items = new TriviaData[Math.Max(64, source.Length / 3)];
    }

    public SourceText Source { get; }

    public int Count { get; private set; }

    public TriviaData this[int index] => _items[index];

    public void Add(TriviaData trivia)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = trivia;
    }
}
