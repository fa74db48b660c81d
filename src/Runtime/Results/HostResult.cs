namespace VirtLang.Runtime.Results;

/// <summary>What one host did over a run. Utilization is of its logical CPUs; steal is vCPU demand the host could not serve.</summary>
public sealed record HostResult
{
    public required string Name { get; init; }

    /// <summary>The hypervisor kind as a model writes it (<c>bare_metal</c>).</summary>
    public required string Hypervisor { get; init; }

    /// <summary>How guest code ran (<c>native</c>, <c>binary_translation</c>, <c>hardware_assist</c>, <c>nested_paging</c>).</summary>
    public required string Mode { get; init; }

    public int LogicalCpus { get; init; }

    public int Guests { get; init; }

    public double MeanUtilization { get; init; }

    public double P95Utilization { get; init; }

    public double MaxUtilization { get; init; }

    /// <summary>vCPU demand not served because the host was oversubscribed, in core-hours.</summary>
    public double StealCoreHours { get; init; }

    /// <summary>Steal as a fraction of what the VMs' vCPUs asked for.</summary>
    public double StealFraction { get; init; }

    public long MemoryBytes { get; init; }

    public double MeanMemoryUsedBytes { get; init; }

    public long MaxMemoryUsedBytes { get; init; }

    public double EnergyKilowattHours { get; init; }

    public double DowntimeMinutes { get; init; }

    /// <summary>Utilization at each step, when the run recorded series; empty otherwise.</summary>
    public IReadOnlyList<float> Series { get; init; } = [];
}
