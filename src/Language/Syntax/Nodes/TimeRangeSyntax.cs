namespace VirtLang.Language.Syntax;

/// <summary><c>2d</c> or <c>2d..3d</c></summary>
public sealed class TimeRangeSyntax(ExpressionSyntax from, SyntaxToken? dotDot, ExpressionSyntax? to) : SyntaxNode
{
    public ExpressionSyntax From { get; } = from;

    public SyntaxToken? DotDot { get; } = dotDot;

    public ExpressionSyntax? To { get; } = to;

    public override SyntaxKind Kind => SyntaxKind.TimeRange;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return From;
        if (DotDot is { } dotDot)
        {
            yield return dotDot;
        }

        if (To is not null)
        {
            yield return To;
        }
    }
}
