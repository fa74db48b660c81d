using System.Collections.Frozen;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// A block seen through its base chain (<c>host esx-01 : r740</c>): an attribute or a nested block is taken from the
/// block itself, else from its base, and so on. Named nested blocks (<c>disk</c>, <c>nic</c>) merge by name: the
/// block's own replace the base's of the same name and add to the rest. This is how effective values are read.
/// </summary>
/// <remarks>
/// A value of 32 bytes, not an object: every symbol holds its view, and the binder and the rules ask a host for a
/// dozen nested views (cpu, power, hypervisor, failures). As objects, views were the most allocated type of a check
/// (430,000 at 160,000 guests), most of them surviving into the old generation with their symbols.
/// </remarks>
internal readonly struct BlockView
{
    // The block itself apart from its bases (most blocks, every guest of a large model, have none: no array). An empty
    // view (a nested block that neither the block nor its bases have) keeps here the block whose name locates it.
    private readonly ModelFile? _file;
    private readonly BlockSyntax? _block;
    private readonly (ModelFile File, BlockSyntax Block)[]? _bases;

    // A nested block's view whose first block is a base's (the block itself lacks it): nothing in it is its own.
    private readonly bool _inherited;
    private readonly bool _empty;

    /// <summary>The block <paramref name="block"/> of <paramref name="file"/>, then its <paramref name="bases"/>, nearest first.</summary>
    public BlockView(ModelFile file, BlockSyntax block, (ModelFile File, BlockSyntax Block)[]? bases = null)
        : this(file, block, bases, inherited: false, empty: false)
    {
    }

    private BlockView(ModelFile file, BlockSyntax block, (ModelFile File, BlockSyntax Block)[]? bases, bool inherited, bool empty)
    {
        _file = file;
        _block = block;
        _bases = bases;
        _inherited = inherited;
        _empty = empty;
    }

    /// <summary>No block: a nested block that neither the block nor its bases have, located at the name of <paramref name="locating"/>'s block.</summary>
    private static BlockView Missing(BlockView locating) =>
        locating._block is null ? default : new BlockView(locating._file!, locating._block, bases: null, inherited: false, empty: true);

    public bool IsEmpty => _empty || _block is null;

    public ModelFile File => IsEmpty ? throw new InvalidOperationException("an empty view has no file") : _file!;

    public BlockSyntax Block => IsEmpty ? throw new InvalidOperationException("an empty view has no block") : _block!;

    /// <summary>How many blocks the view reads: the block and its bases.</summary>
    private int Levels => IsEmpty ? 0 : 1 + (_bases?.Length ?? 0);

    private (ModelFile File, BlockSyntax Block) Level(int level) => level == 0 ? (_file!, _block!) : _bases![level - 1];

    /// <summary>The attribute named <paramref name="name"/> nearest in the chain, with its file.</summary>
    public (ModelFile File, AttributeSyntax Attribute)? Find(string name)
    {
        for (var level = 0; level < Levels; level++)
        {
            var (file, block) = Level(level);
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

    /// <summary>
    /// For each name of <paramref name="slots"/>, what <see cref="Find"/> would return, into <paramref name="found"/> at the
    /// name's slot, in one walk over the members (nearest level first, the first of a name in a level).
    /// </summary>
    public void FindEach(FrozenDictionary<string, int> slots, Span<(ModelFile File, AttributeSyntax Attribute)?> found)
    {
        found.Clear();
        var lookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var level = 0; level < Levels; level++)
        {
            var (file, block) = Level(level);
            foreach (var member in block.Members)
            {
                if (member is AttributeSyntax attribute && lookup.TryGetValue(attribute.Name.TextAsSpan, out var slot) && found[slot] is null)
                {
                    found[slot] = (file, attribute);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="attribute"/> is the block's own (not a base's, nor in a nested block only a base has).</summary>
    public bool IsOwn(AttributeSyntax attribute)
    {
        if (IsEmpty || _inherited)
        {
            return false;
        }

        foreach (var member in _block!.Members)
        {
            if (ReferenceEquals(member, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the block itself (not a base) sets <paramref name="name"/>.</summary>
    public bool SetsOwn(string name) => !IsEmpty && _block!.Attributes.Any(a => a.Name.TextEquals(name));

    /// <summary>The unnamed nested block of <paramref name="kind"/> (<c>cpu</c>, <c>hypervisor</c>), seen through the chain.</summary>
    public BlockView Child(string kind)
    {
        // At most one per level. The bases' go into an array of the levels left once a second is found, trimmed if
        // some lack it.
        ModelFile? firstFile = null;
        BlockSyntax? first = null;
        var inherited = _inherited;
        (ModelFile, BlockSyntax)[]? bases = null;
        var found = 0;
        for (var level = 0; level < Levels; level++)
        {
            var (file, block) = Level(level);
            foreach (var member in block.Members)
            {
                if (member is BlockSyntax child && child.KindToken.TextEquals(kind))
                {
                    if (first is null)
                    {
                        (firstFile, first) = (file, child);
                        inherited |= level > 0;
                    }
                    else
                    {
                        (bases ??= new (ModelFile, BlockSyntax)[Levels - level])[found++] = (file, child);
                    }

                    break;
                }
            }
        }

        if (bases is not null && found < bases.Length)
        {
            Array.Resize(ref bases, found);
        }

        // A missing block still locates its messages: at the name of the block that lacks it.
        return first is null ? Missing(this) : new BlockView(firstFile!, first, bases, inherited, empty: false);
    }

    /// <summary>
    /// Whether <see cref="Named"/> of <paramref name="kind"/> is the same for this view as for <paramref name="other"/>:
    /// neither block itself declares one, and both read the same bases. Most hosts of a large model take their disks
    /// and NICs from the one hardware model they share.
    /// </summary>
    public bool NamesSameAs(BlockView other, string kind)
    {
        if (IsEmpty || other.IsEmpty || _bases is null || other._bases is null || _bases.Length != other._bases.Length
            || DeclaresNamed(_block!, kind) || DeclaresNamed(other._block!, kind))
        {
            return false;
        }

        for (var i = 0; i < _bases.Length; i++)
        {
            if (!ReferenceEquals(_bases[i].File, other._bases[i].File) || !ReferenceEquals(_bases[i].Block, other._bases[i].Block))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DeclaresNamed(BlockSyntax block, string kind)
    {
        foreach (var member in block.Members)
        {
            if (member is BlockSyntax { Name: { IsMissing: false } } child && child.KindToken.TextEquals(kind))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The named nested blocks of <paramref name="kind"/>, merged by name (the nearest wins), in order of first appearance from the base up.</summary>
    public IReadOnlyList<BlockView> Named(string kind)
    {
        // Made at the first block of the kind: every host asks for its disks and NICs, and many have none of one.
        Dictionary<string, List<(ModelFile, BlockSyntax)>>? byName = null;
        List<string>? order = null;
        for (var level = Levels - 1; level >= 0; level--)
        {
            var (file, block) = Level(level);
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
            var chain = byName![order[i]];
            views[i] = new BlockView(chain[0].Item1, chain[0].Item2, chain.Count > 1 ? [.. chain.Skip(1)] : null);
        }

        return views;
    }

    /// <summary>Where an attribute's value is written (in the block or its base), else the block's name.</summary>
    public Location Where(string name) =>
        Find(name) is var (file, attribute) ? new Location(file.Tree.Text, attribute.ValueView.Span) : NameLocation;

    /// <summary>Where the attribute's name is written, else the block's name.</summary>
    public Location WhereName(string name) =>
        Find(name) is var (file, attribute) ? new Location(file.Tree.Text, attribute.Name.Span) : NameLocation;

    public Location NameLocation
    {
        get
        {
            // An empty view's block is the one that lacks the nested block: its messages point at that one's name.
            if (_block is null)
            {
                throw new InvalidOperationException("an empty view of no block has no location");
            }

            var token = _block.Name is { IsMissing: false } name ? name : _block.KindToken;
            return new Location(_file!.Tree.Text, token.Span);
        }
    }
}
