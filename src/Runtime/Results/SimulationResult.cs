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

    /// <summary>A hash of the trace of processed events and of each host's utilization at every step (hex): any change in behaviour changes it.</summary>
    public required string Fingerprint { get; init; }

    public long ProcessedEvents { get; init; }
}
