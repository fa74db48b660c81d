using System.Collections.Immutable;

namespace VirtLang.Language.Syntax;

/// <summary>
/// <c>KIND NAME? (: BASE)? { member* }</c> — every declaration and every nested block. Its tokens are kept as indices
/// into the tree's store (one store reference for the node, not one per token): blocks are numerous and a smaller
/// node is less for the collector to copy.
/// </summary>
public sealed class BlockSyntax(
    SyntaxToken kindToken,
    SyntaxToken? name,
    BaseClauseSyntax? baseClause,
    SyntaxToken openBrace,
    ImmutableArray<MemberSyntax> members,
    SyntaxToken closeBrace) : MemberSyntax
{
    private readonly TreeStore _store = kindToken.Store;
    private readonly int _kindToken = kindToken.Index;
    private readonly int _name = name?.Index ?? -1;
    private readonly int _openBrace = openBrace.Index;
    private readonly int _closeBrace = closeBrace.Index;

    /// <summary>The block kind word (<c>host</c>, <c>vm</c>, <c>cpu</c>...), an identifier.</summary>
    public SyntaxToken KindToken => new(_store, _kindToken);

    public SyntaxToken? Name => _name < 0 ? null : new SyntaxToken(_store, _name);

    public BaseClauseSyntax? BaseClause { get; } = baseClause;

    public SyntaxToken OpenBrace => new(_store, _openBrace);

    public ImmutableArray<MemberSyntax> Members { get; } = members;

    public SyntaxToken CloseBrace => new(_store, _closeBrace);

    public override SyntaxKind Kind => SyntaxKind.Block;

    public string KindName => KindToken.Text;

    public IEnumerable<AttributeSyntax> Attributes => Members.OfType<AttributeSyntax>();

    public IEnumerable<BlockSyntax> Blocks => Members.OfType<BlockSyntax>();

    /// <summary>How the block is named in messages: "`host esx-01`", "block `cpu`".</summary>
    public string DisplayName => FormatDisplayName(KindName, Name);

    /// <summary>The message form of a block from its parts (the parser needs it before the node exists).</summary>
    public static string FormatDisplayName(string kind, SyntaxToken? name) =>
        name is { IsMissing: false } named ? $"`{kind} {named.Text}`" : $"block `{kind}`";

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return KindToken;
        if (Name is { } name)
        {
            yield return name;
        }

        if (BaseClause is not null)
        {
            yield return BaseClause;
        }

        yield return OpenBrace;
        foreach (var m in Members)
        {
            yield return m;
        }

        yield return CloseBrace;
    }
}
