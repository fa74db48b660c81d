namespace VirtLang.Language.Literals;

/// <summary>
/// Parses each distinct literal text once. Models repeat the same few literals (8GiB, "2024.03") tens of thousands
/// of times and Sprache allocates per character, so every stage that reads literals goes through one of these.
/// Looked up by span: a hit allocates nothing.
/// </summary>
public sealed class LiteralCache<T>(Func<string, T> parse)
{
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);

    public T Get(ReadOnlySpan<char> text)
    {
        var lookup = _items.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var value))
        {
            var key = text.ToString();
            value = parse(key);
            _items[key] = value;
        }

        return value;
    }
}
