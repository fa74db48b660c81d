using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// A block seen through its base chain (<c>host esx-01 : r740</c>): an attribute or a nested block is taken from the
/// block itself, else from its base, and so on. Named nested blocks (<c>disk</c>, <c>nic</c>) merge by name: the
/// block's own replace the base's of the same name and add to the rest. This is how effective values are read.
/// </summary>
internal sealed class BlockView
{
    private readonly (ModelFile File, BlockSyntax Block)[] _chain;
    private readonly Location? _parentName;

    public BlockView((ModelFile File, BlockSyntax Block)[] chain, Location? parentName = null)
    {
        _chain = chain;
        _parentName = parentName;
    }

    /// <summary>A block without a base: most guests.</summary>
    public BlockView(ModelFile file, BlockSyntax block)
        : this([(file, block)])
    {
    }

    public bool IsEmpty => _chain.Length == 0;

    public ModelFile File => _chain[0].File;

    public BlockSyntax Block => _chain[0].Block;

    /// <summary>The attribute named <paramref name="name"/> nearest in the chain, with its file.</summary>
    public (ModelFile File, AttributeSyntax Attribute)? Find(string name)
    {
        for (var level = 0; level < _chain.Length; level++)
        {
            var (file, block) = _chain[level];
            foreach (var member in block.Members)
            {
                if (member is AttributeSyntax attribute && attribute.Name.TextEquals(name))
                {
                    return (file, attribute);
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="attribute"/> is the block's own (not a base's).</summary>
    public bool IsOwn(AttributeSyntax attribute)
    {
        if (_chain.Length == 0)
        {
            return false;
        }

        foreach (var member in _chain[0].Block.Members)
        {
            if (ReferenceEquals(member, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the block itself (not a base) sets <paramref name="name"/>.</summary>
    public bool SetsOwn(string name) => _chain.Length > 0 && _chain[0].Block.Attributes.Any(a => a.Name.TextEquals(name));

    /// <summary>The unnamed nested block of <paramref name="kind"/> (<c>cpu</c>, <c>hypervisor</c>), seen through the chain.</summary>
    public BlockView Child(string kind)
    {
        // At most one per level: an array of the levels left when the first is found, trimmed if some lack it.
        (ModelFile, BlockSyntax)[]? chain = null;
        var found = 0;
        for (var level = 0; level < _chain.Length; level++)
        {
            var (file, block) = _chain[level];
            foreach (var member in block.Members)
            {
                if (member is BlockSyntax child && child.KindToken.TextEquals(kind))
                {
                    (chain ??= new (ModelFile, BlockSyntax)[_chain.Length - level])[found++] = (file, child);
                    break;
                }
            }
        }

        if (chain is not null && found < chain.Length)
        {
            Array.Resize(ref chain, found);
        }

        // A missing block still locates its messages: at the name of the block that lacks it.
        return new BlockView(chain ?? [], NameLocation);
    }

    /// <summary>The named nested blocks of <paramref name="kind"/>, merged by name (the nearest wins), in order of first appearance from the base up.</summary>
    public IReadOnlyList<BlockView> Named(string kind)
    {
        // Made at the first block of the kind: every host asks for its disks and NICs, and many have none of one.
        Dictionary<string, List<(ModelFile, BlockSyntax)>>? byName = null;
        List<string>? order = null;
        for (var level = _chain.Length - 1; level >= 0; level--)
        {
            var (file, block) = _chain[level];
            foreach (var member in block.Members)
            {
                if (member is BlockSyntax { Name: { IsMissing: false } name } child && child.KindToken.TextEquals(kind))
                {
                    byName ??= new(StringComparer.Ordinal);
                    order ??= [];
                    if (!byName.TryGetValue(name.Text, out var list))
                    {
                        byName[name.Text] = list = [];
                        order.Add(name.Text);
                    }

                    list.Insert(0, (file, child));
                }
            }
        }

        if (order is null)
        {
            return [];
        }

        var views = new BlockView[order.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = new BlockView([.. byName![order[i]]]);
        }

        return views;
    }

    /// <summary>Where an attribute's value is written (in the block or its base), else the block's name.</summary>
    public Location Where(string name) =>
        Find(name) is var (file, attribute) ? new Location(file.Tree.Text, attribute.Value.Span) : NameLocation;

    /// <summary>Where the attribute's name is written, else the block's name.</summary>
    public Location WhereName(string name) =>
        Find(name) is var (file, attribute) ? new Location(file.Tree.Text, attribute.Name.Span) : NameLocation;

    public Location NameLocation
    {
        get
        {
            if (_chain.Length == 0)
            {
                return _parentName ?? throw new InvalidOperationException("an empty view of no block has no location");
            }

            var (file, block) = _chain[0];
            var token = block.Name is { IsMissing: false } name ? name : block.KindToken;
            return new Location(file.Tree.Text, token.Span);
        }
    }
}
