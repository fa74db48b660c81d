namespace VirtLang.Planning;

/// <summary>How long the solver may search, and whether it runs at all (first-fit-decreasing alone otherwise).</summary>
public sealed record PlanOptions
{
    /// <summary>The default search time: a minute, which proves the optimum of the small and medium plans measured.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>The longest search accepted: an hour.</summary>
    public static readonly TimeSpan MaximumTimeLimit = TimeSpan.FromHours(1);

    public TimeSpan TimeLimit { get; init; } = DefaultTimeLimit;

    /// <summary>False: first-fit-decreasing only (the baseline that tests and <c>--compare</c> hold the solver to).</summary>
    public bool UseSolver { get; init; } = true;

    /// <summary>
    /// The most x[instance, machine] literals the CP-SAT model may have, times the time buckets: past it the plan is
    /// first-fit-decreasing's, reported with its lower bound (docs/limits.md).
    /// </summary>
    public long MaximumModelTerms { get; init; } = 10_000_000;

    /// <summary>
    /// The most terms of the exact model run after the large-neighbourhood search to prove (or improve) its plan: past
    /// it the search has the whole time limit, since a model that large neither proves nor improves within minutes
    /// (1,068 instances × 47 machines × 170 = 8.5 million terms found nothing in 10 deterministic seconds, in 40 s).
    /// </summary>
    public long MaximumProvingTerms { get; init; } = 1_000_000;
}
