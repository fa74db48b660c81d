namespace VirtLang.Compiler.Schema;

/// <summary>
/// The largest model the toolchain takes: the simulator holds every host and guest a model expands to (each copy that
/// <c>count</c> makes) with its state and results, so their number bounds a run's memory and time. The checker reports
/// the <c>count</c> that crosses the bound (VDL1040); docs/limits.md ("Numbers and model size") says why the figure.
/// </summary>
public static class ModelSize
{
    /// <summary>Copies one <c>count</c> makes (VDL1015 past it).</summary>
    public const int MaximumCopies = 100_000;

    /// <summary>Hosts and guests after expansion, together.</summary>
    public const int MaximumInstances = 1_000_000;
}
