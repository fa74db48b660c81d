using System.Collections.Immutable;

namespace VirtLang.Language.Syntax;

/// <summary><c>KIND NAME? (: BASE)? { member* }</c> — every declaration and every nested block.</summary>
public sealed class BlockSyntax(
    SyntaxToken kindToken,
    SyntaxToken? name,
    BaseClauseSyntax? baseClause,
    SyntaxToken openBrace,
    ImmutableArray<MemberSyntax> members,
    SyntaxToken closeBrace) : MemberSyntax
{
    /// <summary>The block kind word (<c>host</c>, <c>vm</c>, <c>cpu</c>...), an identifier.</summary>
    public SyntaxToken KindToken { get; } = kindToken;

    public SyntaxToken? Name { get; } = name;

    public BaseClauseSyntax? BaseClause { get; } = baseClause;

    public SyntaxToken OpenBrace { get; } = openBrace;

    public ImmutableArray<MemberSyntax> Members { get; } = members;

    public SyntaxToken CloseBrace { get; } = closeBrace;

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
