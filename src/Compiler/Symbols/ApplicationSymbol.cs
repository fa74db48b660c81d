using VirtLang.Compiler.Binding;
using VirtLang.Language.Literals;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Symbols;

/// <summary>An application of the catalog, with its demand and placement requirements.</summary>
public sealed class ApplicationSymbol : ModelSymbol
{
    internal ApplicationSymbol(string name, BlockView view)
        : base(name, view)
    {
    }

    /// <summary>Certified operating systems by name; empty: any.</summary>
    public IReadOnlyList<string> CertifiedOs { get; internal set; } = [];

    public VersionConstraint? CertifiedPatch { get; internal set; }

    /// <summary>Certified OS releases (<c>requires { version }</c>); null: any. vdl plan holds the OS it picks to it.</summary>
    public VersionConstraint? CertifiedVersion { get; internal set; }

    /// <summary>Certified kernel versions (<c>requires { kernel }</c>); null: any. vdl plan holds the OS it picks to it.</summary>
    public VersionConstraint? CertifiedKernel { get; internal set; }

    public IReadOnlyList<string> Conflicts { get; internal set; } = [];

    /// <summary>process (default), container, vm or host.</summary>
    public string Isolation { get; internal set; } = "process";

    public string? Zone { get; internal set; }

    public long Replicas { get; internal set; } = 1;

    public string? Spread { get; internal set; }

    /// <summary>Random failures of each instance (its <c>failures</c> block); null: none, or incomplete.</summary>
    public FailureSpec? Failures { get; internal set; }

    /// <summary>Its recovery time objective (<c>rto</c>) in seconds: how long failing over to another site takes; 0 when not written.</summary>
    public double RecoveryTimeSeconds { get; internal set; }

    /// <summary>Cores at 100 % at the profile's level 1.</summary>
    public double Cpu { get; internal set; }

    public double MemoryBytes { get; internal set; }

    public IoClass Io { get; internal set; } = IoClass.Light;

    /// <summary>Disk requests per second at full demand, when written.</summary>
    public double? Iops { get; internal set; }

    /// <summary>Disk bytes per second at full demand, when written.</summary>
    public double? DiskBytesPerSecond { get; internal set; }

    /// <summary>Network bits per second at full demand, when written.</summary>
    public double? NetworkBitsPerSecond { get; internal set; }

    /// <summary>Disk requests and packets per second per core of demand, by the runtime's rule.</summary>
    public double OperationsPerCore => Cpu > 0 ? IoRates.AtFullDemand(Io, Cpu, Iops, DiskBytesPerSecond, NetworkBitsPerSecond).Operations / Cpu : 0;

    /// <summary>Memory written per second at 100 %, in bits per second; null: the simulator's default for <see cref="Io"/>.</summary>
    public double? DirtyBitsPerSecond { get; internal set; }

    /// <summary>System calls, page faults and forks per second at full demand (zero when not written).</summary>
    public KernelEntryRates KernelEntries { get; internal set; }

    /// <summary>The same per reference core of demand, as the simulator reckons them.</summary>
    public KernelEntryRates KernelEntriesPerCore => Cpu > 0 ? KernelEntries * (1 / Cpu) : default;

    /// <summary>The profile's name (<c>diurnal</c>); null: constant at 100 %.</summary>
    public string? Profile { get; internal set; }

    /// <summary>The largest and the mean level of the profile (1 and 1 without one, or with a trace file that cannot be read).</summary>
    public double ProfilePeak { get; internal set; } = 1;

    public double ProfileMean { get; internal set; } = 1;

    /// <summary>The simulator's profile built from the call, a trace's read from its file at check time (null: none, or not readable).</summary>
    public Runtime.Profiles.WorkloadProfile? RuntimeProfile { get; internal set; }

    /// <summary>A trace profile's file, relative to the working folder (resolved from the model file's folder).</summary>
    public string? TraceFile { get; internal set; }

    public double PeakCpu => Cpu * ProfilePeak;

    public double MeanCpu => Cpu * ProfileMean;
}
