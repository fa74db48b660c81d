using VirtLang.Runtime.Kernel;

namespace VirtLang.Runtime.Scenarios;

/// <summary>A what-if to play on a topology: how long, how finely, with which seed, and what happens when.</summary>
public sealed record ScenarioSpec
{
    /// <summary>What `vdl run` plays by default: a model's first scenario; without one, a day of the baseline (these defaults).</summary>
    public static ScenarioSpec FirstOrBaseline(IReadOnlyList<ScenarioSpec> scenarios) =>
        scenarios is [var first, ..] ? first : new ScenarioSpec();

    public string Name { get; init; } = "baseline";

    public long Duration { get; init; } = SimTime.TicksPerDay;

    /// <summary>How often demand is sampled and CPU allocated (default one minute).</summary>
    public long Step { get; init; } = SimTime.TicksPerMinute;

    public ulong Seed { get; init; } = 42;

    /// <summary>The default <see cref="Noise"/>: 5 %.</summary>
    public const double DefaultNoise = 0.05;

    /// <summary>
    /// Noise is a triangular draw on ±<see cref="NoiseScale"/> × <see cref="Noise"/> (√6 gives it the standard deviation
    /// <see cref="Noise"/>): a demand is at most 1 + √6 × Noise times its profile's level, which the planner sizes vCPUs for.
    /// </summary>
    public static readonly double NoiseScale = Math.Sqrt(6);

    /// <summary>The standard deviation of the per-step noise on each instance's demand, as a fraction of it.</summary>
    public double Noise { get; init; } = DefaultNoise;

    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary>The scenario's <c>expect</c> statements, checked against the result after the run; they change nothing in it.</summary>
    public IReadOnlyList<Expectation> Expectations { get; init; } = [];

    /// <summary>Whether the model's random failures (<c>failures</c> blocks) happen in this scenario (default true).</summary>
    public bool RandomFailures { get; init; } = true;
}
