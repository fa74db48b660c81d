using VirtLang.Compiler.Binding;

namespace VirtLang.Compiler.Symbols;

/// <summary>What <c>vdl plan</c> places (<see cref="Applications"/>), on which pools, how full, and what it minimizes.</summary>
public sealed class PlanSymbol : ModelSymbol
{
    /// <summary>The default highest utilization of a host in a time bucket: 70 %, the usual consolidation ceiling.</summary>
    public const double DefaultTarget = 0.7;

    /// <summary>The default horizon: a week, the longest period of the built-in profiles (weekly).</summary>
    public const double DefaultHorizonSeconds = 7 * 86_400;

    /// <summary>The default bucket: an hour, short enough to separate a day's peak from its night.</summary>
    public const double DefaultBucketSeconds = 3_600;

    internal PlanSymbol(string name, BlockView view)
        : base(name, view)
    {
    }

    /// <summary>The applications to place: as listed, or every application of the model.</summary>
    public IReadOnlyList<ApplicationSymbol> Applications { get; internal set; } = [];

    /// <summary>The pools it may use, first preferred: as listed, or every pool of the model.</summary>
    public IReadOnlyList<PoolSymbol> Pools { get; internal set; } = [];

    public double Target { get; internal set; } = DefaultTarget;

    public long Spare { get; internal set; }

    /// <summary><c>hosts</c> or <c>energy</c>.</summary>
    public string Objective { get; internal set; } = "hosts";

    public double HorizonSeconds { get; internal set; } = DefaultHorizonSeconds;

    public double BucketSeconds { get; internal set; } = DefaultBucketSeconds;
}
