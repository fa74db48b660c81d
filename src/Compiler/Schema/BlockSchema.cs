using System.Collections.Frozen;

namespace VirtLang.Compiler.Schema;

/// <summary>
/// A block kind: whether it is named, which kinds may stand inside it (with whether they may repeat), and its
/// attributes. A host also accepts its hardware's attributes and blocks, to override the base's.
/// </summary>
public sealed class BlockSchema
{
    public BlockSchema(string kind, bool named, IEnumerable<AttributeSchema> attributes, IEnumerable<(string Kind, bool Repeats)>? children = null, string help = "", string? baseKind = null)
    {
        Kind = kind;
        BaseKind = baseKind ?? kind;
        Named = named;
        Help = help;
        Attributes = attributes.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        RequiredAttributes = [.. Attributes.Values.Where(a => a.Required).OrderBy(a => a.Name, StringComparer.Ordinal)];
        Children = (children ?? []).ToFrozenDictionary(c => c.Kind, c => c.Repeats, StringComparer.Ordinal);
    }

    public string Kind { get; }

    public bool Named { get; }

    public string Help { get; }

    /// <summary>
    /// The kind a block of this kind may name as its base (<c>host web : r740</c>): its own, except a host, whose base is
    /// a hardware model. The checker and completion both read it.
    /// </summary>
    public string BaseKind { get; }

    public FrozenDictionary<string, AttributeSchema> Attributes { get; }

    /// <summary>The required attributes, by name.</summary>
    public IReadOnlyList<AttributeSchema> RequiredAttributes { get; }

    /// <summary>Child block kinds, and whether each may appear more than once.</summary>
    public FrozenDictionary<string, bool> Children { get; }
}
