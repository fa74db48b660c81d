using System.Collections.Immutable;

namespace VirtLang.Language.Syntax;

/// <summary>The root of a file: its imports and declarations, then the end-of-file token (which holds trailing comments).</summary>
public sealed class CompilationUnitSyntax(ImmutableArray<MemberSyntax> members, SyntaxToken endOfFile) : SyntaxNode
{
    public ImmutableArray<MemberSyntax> Members { get; } = members;

    public SyntaxToken EndOfFile { get; } = endOfFile;

    public override SyntaxKind Kind => SyntaxKind.CompilationUnit;

    public IEnumerable<ImportSyntax> Imports => Members.OfType<ImportSyntax>();

    public IEnumerable<BlockSyntax> Blocks => Members.OfType<BlockSyntax>();

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        foreach (var m in Members)
        {
            yield return m;
        }

        yield return EndOfFile;
    }
}
