namespace VirtLang.Sweeps;

/// <summary>
/// The aggregate of a sweep: a pure function of the model, the scenario, the base seed and the number of replications
/// (never of the order they finished in, the parallelism, or the machines that ran them). Written as JSON (schema
/// <see cref="Schema"/>), CSV and HTML; docs/sweeps.md describes each field.
/// </summary>
public sealed record SweepResult
{
    public const string Schema = "virtlang.sweep/1";

    public required SweepDescription Description { get; init; }

    /// <summary>Replications aggregated: <see cref="SweepDescription.Runs"/> unless the sweep was stopped.</summary>
    public long Replications { get; init; }

    public required IReadOnlyList<ApplicationSweep> Applications { get; init; }

    public required IReadOnlyList<HostSweep> Hosts { get; init; }

    public required IReadOnlyList<ExpectationSweep> Expectations { get; init; }

    /// <summary>The model's named sites, in its order; empty for a model without sites (whose outputs then have none).</summary>
    public IReadOnlyList<SiteSweep> Sites { get; init; } = [];
}
