namespace VirtLang.Runtime.Costs;

/// <summary>What the host took back from one guest under memory pressure, in <see cref="MemoryReclamation"/>'s order.</summary>
public readonly record struct GuestReclaim
{
    public long SharedBytes { get; init; }

    public long BalloonedBytes { get; init; }

    public long SwappedBytes { get; init; }

    /// <summary>
    /// The fraction of the memory the guest's work touches that is on the host's swap: of its active memory when its
    /// idle memory was ballooned first, of all it holds when the hypervisor swaps without knowing which pages are idle.
    /// </summary>
    public double SwappedFraction { get; init; }
}
