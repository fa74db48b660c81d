namespace VirtLang.Runtime.Results;

/// <summary>Everything a run produced; the writers turn it into JSON and CSV with a stable schema (docs/simulation.md).</summary>
public sealed record SimulationResult
{
    public required string Scenario { get; init; }

    public ulong Seed { get; init; }

    public long Duration { get; init; }

    public long Step { get; init; }

    public int Steps { get; init; }

    public required IReadOnlyList<HostResult> Hosts { get; init; }

    public required IReadOnlyList<ApplicationResult> Applications { get; init; }

    public required Consolidation Consolidation { get; init; }

    public required IReadOnlyList<EventRecord> Events { get; init; }

    /// <summary>The topology's sites (empty without sites: then nothing about sites is written).</summary>
    public IReadOnlyList<SiteResult> Sites { get; init; } = [];

    /// <summary>Every site's loss of an application's last instance there while it ran elsewhere, in the order they happened.</summary>
    public IReadOnlyList<FailoverResult> Failovers { get; init; } = [];

    /// <summary>A hash of the trace of processed events and of each host's utilization at every step (hex): any change in behaviour changes it.</summary>
    public required string Fingerprint { get; init; }

    public long ProcessedEvents { get; init; }

    /// <summary>The scenario's <c>expect</c> statements and whether each held, in the order written; empty without any.</summary>
    public IReadOnlyList<ExpectationResult> Expectations { get; init; } = [];

    /// <summary>Whether every expectation held (true without any): what a test of the model asserts.</summary>
    public bool ExpectationsHeld => Expectations.All(e => e.Held);

    /// <summary>The mean utilization over every host (0 without hosts).</summary>
    public double MeanUtilization => Hosts.Count == 0 ? 0 : Hosts.Average(h => h.MeanUtilization);

    /// <summary>The energy of every host over the run.</summary>
    public double EnergyKilowattHours => Hosts.Sum(h => h.EnergyKilowattHours);

    /// <summary>How much longer the work took than on bare hardware, over every application, weighted by demand (1 without demand).</summary>
    public double MeanSlowdown => Applications.Sum(a => a.DemandCoreHours) is var demand and > 0
        ? Applications.Sum(a => a.MeanSlowdown * a.DemandCoreHours) / demand
        : 1;
}
