namespace VirtLang.Planning;

/// <summary>What is known of a plan's quality.</summary>
public enum PlanStatus
{
    /// <summary>The solver proved no plan uses fewer hosts (or less energy).</summary>
    Optimal,

    /// <summary>The solver's best within the time limit, with a proven lower bound.</summary>
    Feasible,

    /// <summary>First-fit-decreasing's plan: the solver did not run (too large, or not asked) or found nothing better in time.</summary>
    Heuristic,
}
