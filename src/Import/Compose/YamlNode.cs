namespace VirtLang.Import.Compose;

/// <summary>
/// A node of a YAML document as plain data: a scalar, a sequence or a mapping (keys in document order), with where it
/// starts. No tag is resolved to a type: a Compose file is read as text and numbers, never as objects.
/// </summary>
internal sealed class YamlNode
{
    private YamlNode(YamlNodeKind kind, int line, int column, string? scalar, bool isPlain)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Scalar = scalar;
        IsPlain = isPlain;
    }

    public YamlNodeKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Scalar { get; }

    /// <summary>An unquoted scalar: `null`, `~` and empty then mean no value, as YAML's core schema says.</summary>
    public bool IsPlain { get; }

    public List<YamlNode> Items { get; } = [];

    public List<KeyValuePair<string, YamlNode>> Entries { get; } = [];

    public bool IsNull => Kind == YamlNodeKind.Scalar && IsPlain && Scalar is "" or "~" or "null" or "Null" or "NULL";

    public static YamlNode NewScalar(string value, bool isPlain, int line, int column) => new(YamlNodeKind.Scalar, line, column, value, isPlain);

    public static YamlNode NewSequence(int line, int column) => new(YamlNodeKind.Sequence, line, column, null, false);

    public static YamlNode NewMapping(int line, int column) => new(YamlNodeKind.Mapping, line, column, null, false);

    private Dictionary<string, YamlNode>? _index;

    /// <summary>The value of a key (the first, if a key is repeated); indexed on first use, after the node is complete.</summary>
    public YamlNode? this[string key]
    {
        get
        {
            if (Kind != YamlNodeKind.Mapping)
            {
                return null;
            }

            if (_index is null)
            {
                _index = new Dictionary<string, YamlNode>(Entries.Count, StringComparer.Ordinal);
                foreach (var (k, v) in Entries)
                {
                    _index.TryAdd(k, v);
                }
            }

            return _index.GetValueOrDefault(key);
        }
    }
}

/// <summary>The three kinds of <see cref="YamlNode"/>.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}
