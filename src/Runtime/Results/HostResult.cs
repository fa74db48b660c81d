namespace VirtLang.Runtime.Results;

/// <summary>
/// What one host did over a run. Utilization is of its CPU capacity in reference cores (<see cref="CapacityCores"/>);
/// steal is vCPU demand the host could not serve.
/// </summary>
public sealed record HostResult
{
    public required string Name { get; init; }

    /// <summary>The hypervisor kind as a model writes it (<c>bare_metal</c>).</summary>
    public required string Hypervisor { get; init; }

    /// <summary>How guest code ran (<c>native</c>, <c>binary_translation</c>, <c>hardware_assist</c>, <c>nested_paging</c>).</summary>
    public required string Mode { get; init; }

    public int LogicalCpus { get; init; }

    public int Guests { get; init; }

    /// <summary>Its CPU in reference cores: cores at their clock, plus the SMT yield of extra threads.</summary>
    public double CapacityCores { get; init; }

    /// <summary>Who did the virtualization layer's I/O work (<c>none</c>, <c>host_process</c>, <c>driver_domain</c>, <c>hypervisor</c>).</summary>
    public string IoWorker { get; init; } = "none";

    /// <summary>Reference-core hours of that I/O work; part of the utilization (the driver domain's is in its guest's share).</summary>
    public double IoCoreHours { get; init; }

    /// <summary>Mean and highest utilization of the host's disks (operations or bytes, whichever is nearer its bound), 0 when they give no bound.</summary>
    public double MeanDiskUtilization { get; init; }

    public double MaxDiskUtilization { get; init; }

    /// <summary>Mean and highest utilization of the host's NICs, 0 when they give no speed.</summary>
    public double MeanNetworkUtilization { get; init; }

    public double MaxNetworkUtilization { get; init; }

    /// <summary>Steps at which a disk or NIC was asked for more than it can do (every guest using it slowed).</summary>
    public int DeviceSaturatedSteps { get; init; }

    public double MeanUtilization { get; init; }

    public double P95Utilization { get; init; }

    public double MaxUtilization { get; init; }

    /// <summary>vCPU demand not served because the host was oversubscribed, in core-hours.</summary>
    public double StealCoreHours { get; init; }

    /// <summary>Steal as a fraction of what the VMs' vCPUs asked for.</summary>
    public double StealFraction { get; init; }

    public long MemoryBytes { get; init; }

    public double MeanMemoryUsedBytes { get; init; }

    /// <summary>What the host was asked to hold (reserve, guests' consumed memory, overheads) before reclaiming: may exceed <see cref="MemoryBytes"/>.</summary>
    public long MaxMemoryUsedBytes { get; init; }

    /// <summary>The hypervisor's per-guest memory overhead summed over the host's guests (not its reserve), the largest over the run.</summary>
    public long GuestOverheadBytes { get; init; }

    /// <summary>The guests' active memory (applications plus guest OS footprints), the largest over the run.</summary>
    public long ActiveBytes { get; init; }

    /// <summary>Memory saved by page sharing under pressure, the largest over the run.</summary>
    public long SharedBytes { get; init; }

    /// <summary>Idle guest memory taken back by ballooning, the largest over the run.</summary>
    public long BalloonedBytes { get; init; }

    /// <summary>Guest memory on the host's swap, the largest over the run.</summary>
    public long SwappedBytes { get; init; }

    public double EnergyKilowattHours { get; init; }

    public double DowntimeMinutes { get; init; }

    /// <summary>Utilization at each step, when the run recorded series; empty otherwise.</summary>
    public IReadOnlyList<float> Series { get; init; } = [];
}
