namespace VirtLang.Language.Syntax;

/// <summary><c>import "file.vdl"</c></summary>
public sealed class ImportSyntax(SyntaxToken importKeyword, SyntaxToken path) : MemberSyntax
{
    public SyntaxToken ImportKeyword { get; } = importKeyword;

    /// <summary>A string literal (missing when the parser had to synthesize it).</summary>
    public SyntaxToken Path { get; } = path;

    public override SyntaxKind Kind => SyntaxKind.Import;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return ImportKeyword;
        yield return Path;
    }
}
