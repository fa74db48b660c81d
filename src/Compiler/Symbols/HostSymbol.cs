using VirtLang.Compiler.Binding;
using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Symbols;

/// <summary>
/// A physical host with effective values: its hardware (its base's values, overridden by its own), its OS, its
/// hypervisor with the documented defaults (no block: <c>none</c>; acceleration: hardware when the CPU has VT-x or
/// AMD-V), its guests and applications, and the overcommit policy of its cluster (or the default).
/// </summary>
public sealed class HostSymbol : ModelSymbol
{
    internal HostSymbol(string name, BlockView view)
        : base(name, view)
    {
    }

    public HardwareSymbol? Hardware { get; internal set; }

    public long Sockets { get; internal set; } = 1;

    public long Cores { get; internal set; } = 1;

    public long Threads { get; internal set; } = 1;

    public double ClockHz { get; internal set; }

    /// <summary>The <c>smt_yield</c> written (a fraction), else null for the runtime's default.</summary>
    public double? SmtYield { get; internal set; }

    public CpuFeatures Features { get; internal set; }

    public double MemoryBytes { get; internal set; }

    public IReadOnlyList<DeviceSymbol> Disks { get; internal set; } = [];

    public IReadOnlyList<DeviceSymbol> Nics { get; internal set; } = [];

    public double IdleWatts { get; internal set; } = PowerSpec.Default.IdleWatts;

    public double MaxWatts { get; internal set; } = PowerSpec.Default.MaxWatts;

    public OsSymbol? Os { get; internal set; }

    public string? Patch { get; internal set; }

    /// <summary>The patch level as a version, parsed with the tree (null when there is none or it is malformed).</summary>
    public Language.Literals.Version? PatchVersion { get; internal set; }

    public HypervisorKind HypervisorKind { get; internal set; } = HypervisorKind.None;

    /// <summary>Whether the host has a <c>hypervisor</c> block.</summary>
    public bool HasHypervisorBlock { get; internal set; }

    public Acceleration Acceleration { get; internal set; } = Acceleration.Hardware;

    /// <summary>Whether <c>acceleration</c> is written (else it is the default for the CPU).</summary>
    public bool AccelerationWritten { get; internal set; }

    public IReadOnlyList<string> HypervisorDrivers { get; internal set; } = [];

    public CostOverrides? Overrides { get; internal set; }

    /// <summary>Random failures of the machine: its <c>failures</c> block over its hardware's; null: none, or incomplete.</summary>
    public FailureSpec? Failures { get; internal set; }

    /// <summary>Random crashes of its hypervisor (<c>hypervisor { failures { } }</c>); null: none, or incomplete.</summary>
    public FailureSpec? HypervisorFailures { get; internal set; }

    /// <summary><c>page_sharing</c>: false unless written.</summary>
    public bool PageSharing { get; internal set; }

    /// <summary><c>ballooning</c> as written; null: the kind's default (<see cref="VirtualizationCostModel.HasBalloonDriver"/>).</summary>
    public bool? Ballooning { get; internal set; }

    /// <summary>Whether the hypervisor balloons idle guest memory: only where the kind's guests have a balloon driver.</summary>
    public bool BalloonsIdleMemory => Costs.HasBalloonDriver && (Ballooning ?? true);

    public IReadOnlyList<GuestSymbol> Guests { get; internal set; } = [];

    public IReadOnlyList<ApplicationSymbol> Runs { get; internal set; } = [];

    public ClusterSymbol? Cluster { get; internal set; }

    /// <summary>Its site; null: none (with every other host that names none).</summary>
    public SiteSymbol? Site { get; internal set; }

    public double CpuOvercommit => Cluster?.CpuOvercommit ?? ClusterSpec.DefaultCpuOvercommit;

    public double MemoryOvercommit => Cluster?.MemoryOvercommit ?? ClusterSpec.DefaultMemoryOvercommit;

    /// <summary>Logical CPUs; 0 when the model says nothing of the CPU (no `cpu` block, here or in the base): unknown, not checked.</summary>
    public long LogicalCpus => HasCpu ? Sockets * Cores * Threads : 0;

    public bool HasCpu { get; internal set; }

    public CpuSpec Cpu => _cpu ??= new((int)Math.Min(int.MaxValue, Sockets), (int)Math.Min(int.MaxValue, Cores), (int)Math.Min(int.MaxValue, Threads), ClockHz / 1e9, Features)
    {
        SmtYield = SmtYield,
    };

    /// <summary>CPU capacity in reference cores (the runtime's <see cref="CpuSpec.CapacityCores"/>); 0 when the CPU is unknown.</summary>
    public double CapacityCores => HasCpu ? Cpu.CapacityCores : 0;

    /// <summary>The runtime's cost model for this host's hypervisor: the one source of truth for overheads.</summary>
    // Read by several rules for every guest: made once (after binding has set what they depend on). Only references
    // are cached, so that readers on several threads at once at worst make the same object twice.
    public VirtualizationCostModel Costs => _costs ??= VirtualizationCostModel.For(HypervisorKind, Overrides);

    public AccelerationMode Mode => Costs.ModeOf(Acceleration, Cpu);

    private VirtualizationCostModel? _costs;
    private CpuSpec? _cpu;
}
