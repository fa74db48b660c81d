namespace VirtLang.Runtime.Model;

/// <summary>A group of hosts with an overcommit policy. Hosts in no cluster get <see cref="DefaultCpuOvercommit"/> and <see cref="DefaultMemoryOvercommit"/>.</summary>
public sealed class ClusterSpec
{
    public const double DefaultCpuOvercommit = 4.0;
    public const double DefaultMemoryOvercommit = 1.0;

    public required string Name { get; init; }

    public IReadOnlyList<HostSpec> Hosts { get; init; } = [];

    public double CpuOvercommit { get; init; } = DefaultCpuOvercommit;

    public double MemoryOvercommit { get; init; } = DefaultMemoryOvercommit;

    public override string ToString() => Name;
}
