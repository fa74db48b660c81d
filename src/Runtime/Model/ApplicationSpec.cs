using VirtLang.Runtime.Profiles;

namespace VirtLang.Runtime.Model;

/// <summary>
/// An application of the catalog. Every guest (or bare host) whose <c>runs</c> names it holds one instance, and each
/// instance has the whole demand: <see cref="Cpu"/> cores at 100 % times the profile, and <see cref="MemoryBytes"/>.
/// </summary>
public sealed class ApplicationSpec
{
    public required string Name { get; init; }

    /// <summary>Cores at 100 % at the profile's level 1.</summary>
    public double Cpu { get; init; } = 1;

    public long MemoryBytes { get; init; }

    public IoClass Io { get; init; } = IoClass.Light;

    /// <summary>Disk requests per second of one instance at its full demand; null: its I/O class's rate per core × <see cref="Cpu"/>.</summary>
    public double? Iops { get; init; }

    /// <summary>Disk bytes per second of one instance at its full demand; null: from its I/O class.</summary>
    public double? DiskBytesPerSecond { get; init; }

    /// <summary>Network bits per second of one instance at its full demand; null: from its I/O class.</summary>
    public double? NetworkBitsPerSecond { get; init; }

    /// <summary>The I/O of one instance at its full demand (<see cref="Cpu"/> cores): what the model gives, else its class's.</summary>
    public IoRates IoAtFullDemand => IoRates.AtFullDemand(Io, Cpu, Iops, DiskBytesPerSecond, NetworkBitsPerSecond);

    /// <summary>
    /// System calls, page faults and forks per second of one instance at its full demand, beyond what its I/O class
    /// already holds (a kernel build's are in the moderate class's figures); none by default.
    /// </summary>
    public KernelEntryRates KernelEntries { get; init; }

    /// <summary>
    /// Memory it writes, in bits per second at the profile's level 1 (scaled by its demand level): what pre-copy live
    /// migration must send again. Null: <see cref="DefaultDirtyRates"/> by its I/O class.
    /// </summary>
    public double? DirtyBitsPerSecond { get; init; }

    /// <summary>Its dirty rate at level 1, given or by default.</summary>
    public double EffectiveDirtyBitsPerSecond => DirtyBitsPerSecond ?? DefaultDirtyRates.For(Io);

    public WorkloadProfile Profile { get; init; } = ConstantProfile.Full;

    /// <summary>How many instances the model asks for (results compare it with the instances placed).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>
    /// Its recovery time objective, in ticks: how long failing over to another site takes once it has lost its last
    /// instance in a site. Until then that site's demand is unserved; within a site load shift is immediate. 0 (the
    /// default): failing over is immediate.
    /// </summary>
    public long RecoveryTimeObjective { get; init; }

    /// <summary>The operating systems it is certified for (by name); empty: any.</summary>
    public IReadOnlyList<string> CertifiedOs { get; init; } = [];

    /// <summary>The patch levels it is certified for; null: any.</summary>
    public PatchRequirement? CertifiedPatch { get; init; }

    /// <summary>Random failures of each instance: it is down, its guest and host stay up (null: none).</summary>
    public FailureSpec? Failures { get; init; }

    public override string ToString() => Name;
}
