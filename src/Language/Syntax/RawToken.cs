namespace VirtLang.Language.Syntax;

/// <summary>What the lexer hands the parser: a token's kind and spans, its trivia as ranges of the tree's store.</summary>
internal readonly record struct RawToken(
    SyntaxKind Kind,
    int Start,
    int Width,
    int LeadStart,
    int LeadCount,
    int TrailStart,
    int TrailCount,
    bool FirstOnLine)
{
    public int End => Start + Width;
}
