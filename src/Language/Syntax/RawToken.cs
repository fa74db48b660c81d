namespace VirtLang.Language.Syntax;

/// <summary>What the lexer hands the parser: a token's kind, its span, and its full extent with trivia.</summary>
internal readonly record struct RawToken(
    SyntaxKind Kind,
    int Start,
    int Width,
    int FullStart,
    int FullEnd,
    bool FirstOnLine)
{
    public int End => Start + Width;
}
