namespace VirtLang.Language.Syntax;

/// <summary>A lone <c>;</c>: members may be separated by semicolons, which mean nothing.</summary>
public sealed class EmptyMemberSyntax(SyntaxToken semicolon) : MemberSyntax
{
    public SyntaxToken Semicolon { get; } = semicolon;

    public override SyntaxKind Kind => SyntaxKind.EmptyMember;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return Semicolon;
    }
}
