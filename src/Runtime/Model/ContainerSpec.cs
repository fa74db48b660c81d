namespace VirtLang.Runtime.Model;

/// <summary>
/// A container (zone): its own userland on the host's kernel. CPU comes by <see cref="CpuShares"/>; with
/// <see cref="Burst"/> it may take CPU the others leave idle, without it at most its share of the host.
/// </summary>
public sealed class ContainerSpec : GuestSpec
{
    public double CpuShares { get; init; } = 1;

    /// <summary>A hard cap in cores; null: none.</summary>
    public double? CpuLimit { get; init; }

    /// <summary>Memory beyond this swaps; null: no limit.</summary>
    public long? MemoryLimitBytes { get; init; }

    public bool Burst { get; init; }
}
