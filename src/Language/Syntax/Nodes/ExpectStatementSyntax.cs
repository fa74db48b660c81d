namespace VirtLang.Language.Syntax;

/// <summary>
/// <c>expect [STATISTIC] METRIC SUBJECT OP VALUE</c> inside a scenario: what the run must show for the scenario to pass
/// (<c>expect availability web &gt;= 99.95%</c>, <c>expect p95 utilization esx-01 &lt; 80%</c>).
/// </summary>
public sealed class ExpectStatementSyntax(
    SyntaxToken expectKeyword, SyntaxToken? statistic, SyntaxToken metric, SyntaxToken subject, SyntaxToken comparison, ExpressionSyntax threshold)
    : MemberSyntax
{
    public SyntaxToken ExpectKeyword { get; } = expectKeyword;

    /// <summary>`p95`, `mean` or `max` before `utilization`; null when not written.</summary>
    public SyntaxToken? Statistic { get; } = statistic;

    /// <summary>The figure compared: availability, served, downtime, slowdown or utilization (a word, checked by the parser).</summary>
    public SyntaxToken Metric { get; } = metric;

    /// <summary>The application or host the figure is of.</summary>
    public SyntaxToken Subject { get; } = subject;

    /// <summary>One of <c>&gt;= &gt; &lt;= &lt;</c>; missing when not written.</summary>
    public SyntaxToken Comparison { get; } = comparison;

    public ExpressionSyntax Threshold { get; } = threshold;

    public override SyntaxKind Kind => SyntaxKind.ExpectStatement;

    public override IEnumerable<SyntaxElement> ChildElements()
    {
        yield return ExpectKeyword;
        if (Statistic is { } statistic)
        {
            yield return statistic;
        }

        yield return Metric;
        yield return Subject;
        yield return Comparison;
        yield return Threshold;
    }
}
