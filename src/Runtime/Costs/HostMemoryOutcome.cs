namespace VirtLang.Runtime.Costs;

/// <summary>A host's memory once <see cref="MemoryReclamation"/> has run: what was asked and what was taken back.</summary>
public readonly record struct HostMemoryOutcome
{
    /// <summary>The reserve plus every guest's consumed memory and overhead: what the host is asked to hold.</summary>
    public long DemandBytes { get; init; }

    /// <summary>The guests' active memory, before sharing.</summary>
    public long ActiveBytes { get; init; }

    /// <summary>The hypervisor's per-guest overhead, summed (the reserve is apart).</summary>
    public long GuestOverheadBytes { get; init; }

    /// <summary>What page sharing between guests of the same OS image could save at most.</summary>
    public long ShareableBytes { get; init; }

    public long SharedBytes { get; init; }

    public long BalloonedBytes { get; init; }

    public long SwappedBytes { get; init; }
}
