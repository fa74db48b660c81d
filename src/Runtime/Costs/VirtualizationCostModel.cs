using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary>
/// What a hypervisor kind costs: how much host CPU a unit of guest work takes, how much slower its applications run,
/// and how much memory the hypervisor takes for itself and per guest. One subclass per kind holds the defaults,
/// calibrated from published measurements (docs/simulation.md lists each figure with its source); a model's
/// <see cref="CostOverrides"/> replace any of them. The checker and the simulator both read this class: there is one
/// source of truth for the cost of virtualization.
/// </summary>
public abstract class VirtualizationCostModel
{
    private const long MiB = 1L << 20;

    protected VirtualizationCostModel(CostOverrides? overrides)
    {
        Overrides = overrides ?? new CostOverrides();
    }

    public abstract HypervisorKind Kind { get; }

    public CostOverrides Overrides { get; }

    /// <summary>Memory the host keeps for its OS or the hypervisor itself, before any guest.</summary>
    public long ReservedMemoryBytes => Overrides.ReservedMemoryBytes ?? DefaultReservedMemoryBytes;

    /// <summary>Binary translation keeps translated code per VM (QEMU's translation cache: 32 MiB).</summary>
    public long CodeCacheBytes => Overrides.CodeCacheBytes ?? 32 * MiB;

    /// <summary>
    /// The share of the host's CPU lost to switching between busy guests, per busy guest: Xen lost 7.5 % with 128
    /// busy domains and a 5 ms slice (Barham et al. 2003). Zero for the kinds with no such figure.
    /// </summary>
    public virtual double SchedulingLossPerBusyGuest => 0;

    /// <summary>
    /// Whether the kind's guests have a balloon driver the hypervisor can inflate (VMware Tools' vmmemctl, virtio-balloon,
    /// Xen's balloon driver): the default of <c>ballooning</c>. Containers and bare hosts have none.
    /// </summary>
    public virtual bool HasBalloonDriver => false;

    protected abstract long DefaultReservedMemoryBytes { get; }

    public static VirtualizationCostModel For(HypervisorSpec hypervisor)
    {
        ArgumentNullException.ThrowIfNull(hypervisor);
        return For(hypervisor.Kind, hypervisor.Overrides);
    }

    public static VirtualizationCostModel For(HypervisorKind kind, CostOverrides? overrides = null) => kind switch
    {
        HypervisorKind.None => new NativeCostModel(overrides),
        HypervisorKind.Hosted => new HostedCostModel(overrides),
        HypervisorKind.BareMetal => new BareMetalCostModel(overrides),
        HypervisorKind.Paravirtual => new ParavirtualCostModel(overrides),
        HypervisorKind.OsLevel => new OsLevelCostModel(overrides),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The mode guest code runs in on <paramref name="cpu"/> under this kind with <paramref name="acceleration"/>.</summary>
    public virtual AccelerationMode ModeOf(Acceleration acceleration, CpuSpec cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (acceleration == Acceleration.Software || !cpu.HasHardwareAssist)
        {
            return AccelerationMode.BinaryTranslation;
        }

        return cpu.HasNestedPaging ? AccelerationMode.NestedPaging : AccelerationMode.HardwareAssist;
    }

    /// <summary>
    /// The host CPU the guest's own execution takes per unit of native work of class <paramref name="io"/> (the
    /// model's <c>overhead { cpu }</c> replaces it for every class).
    /// </summary>
    public double GuestCpuFactor(IoClass io, AccelerationMode mode) => Overrides.Cpu ?? Figures(mode).GuestFactor(io);

    /// <summary>What the layer adds per system call, page fault and fork in this mode (not replaced by <c>overhead { cpu }</c>).</summary>
    public KernelEntryCosts KernelEntryCostsOf(AccelerationMode mode) => Figures(mode).Entries;

    /// <summary>
    /// The guest's own host CPU per unit of native work of class <paramref name="io"/> that also enters the kernel
    /// <paramref name="perCore"/> times a second per reference core: its class's figure plus what this mode adds to
    /// those entries. What the simulator charges and the checker's utilization estimate uses.
    /// </summary>
    public double GuestCpuFactor(IoClass io, KernelEntryRates perCore, AccelerationMode mode) =>
        GuestCpuFactor(io, mode) + KernelEntryCostsOf(mode).CpuPerCore(perCore);

    /// <summary>
    /// What the layer adds per I/O operation in this mode; the model's <c>overhead { io = X }</c> ("the virtual I/O
    /// path costs X times the native one") sets its CPU to (X − 1) × the native path's, keeping who does it.
    /// </summary>
    public IoPath IoPathOf(AccelerationMode mode)
    {
        var path = Figures(mode).Io;
        return Overrides.Io is { } io ? path with { CpuMicroseconds = (io - 1) * IoPath.NativeMicroseconds } : path;
    }

    /// <summary>
    /// All the host CPU a unit of native work of class <paramref name="io"/> takes, at the class's own I/O rates: the
    /// guest's execution plus the layer's I/O work, wherever it runs. What the checker's utilization estimate uses.
    /// </summary>
    public double CpuFactor(IoClass io, AccelerationMode mode) => CpuFactor(io, IoRates.PerCore(io).Operations, mode);

    /// <summary>The same for work that does <paramref name="operationsPerCore"/> I/O operations per second per core.</summary>
    public double CpuFactor(IoClass io, double operationsPerCore, AccelerationMode mode) =>
        GuestCpuFactor(io, mode) + IoPathOf(mode).CpuPerCore(operationsPerCore);

    /// <summary>How much longer work of class <paramref name="io"/> takes than on bare hardware, with no contention.</summary>
    public double Slowdown(IoClass io, AccelerationMode mode) => Slowdown(io, IoRates.PerCore(io).Operations, mode);

    /// <summary>The same for work that does <paramref name="operationsPerCore"/> I/O operations per second per core.</summary>
    public double Slowdown(IoClass io, double operationsPerCore, AccelerationMode mode) =>
        GuestCpuFactor(io, mode) + IoPathOf(mode).Delay(operationsPerCore);

    /// <summary>Memory the hypervisor spends on a guest beyond the guest's own (state, shadow tables, translation cache).</summary>
    public long GuestOverheadBytes(GuestSpec guest, AccelerationMode mode)
    {
        ArgumentNullException.ThrowIfNull(guest);
        var overhead = Overrides.MemoryPerGuestBytes ?? DefaultGuestOverheadBytes(guest);
        return guest is VirtualMachineSpec && mode == AccelerationMode.BinaryTranslation ? overhead + CodeCacheBytes : overhead;
    }

    protected abstract CostFigures Figures(AccelerationMode mode);

    protected abstract long DefaultGuestOverheadBytes(GuestSpec guest);

    /// <summary>
    /// ESXi's per-VM memory overhead as a function of vCPUs and configured memory: the least-squares fit of
    /// <c>a + b·vCPUs + c·GiB + d·vCPUs·GiB</c> (MiB) over the 16 cells of VMware's published table ("Overhead Memory
    /// on Virtual Machines", vSphere Resource Management: 256 MB to 16 GB × 1 to 8 vCPUs, hardware MMU, VMX swap on).
    /// Every cell is within 0.3 % (docs/simulation.md lists the fit); beyond the table it is an extrapolation.
    /// </summary>
    public static long EsxiVmOverheadBytes(int vcpus, long memoryBytes)
    {
        var gib = memoryBytes / (double)(1L << 30);
        var mib = EsxiFixedMiB + (EsxiPerVcpuMiB * vcpus) + (EsxiPerGibMiB * gib) + (EsxiPerVcpuGibMiB * vcpus * gib);
        return (long)(mib * MiB);
    }

    /// <summary>The fit's constant term (MiB).</summary>
    public const double EsxiFixedMiB = 14.3731;

    /// <summary>The fit's MiB per vCPU.</summary>
    public const double EsxiPerVcpuMiB = 3.9786;

    /// <summary>The fit's MiB per GiB of configured memory.</summary>
    public const double EsxiPerGibMiB = 7.5738;

    /// <summary>The fit's MiB per vCPU and GiB (page tables and per-vCPU state growing with memory).</summary>
    public const double EsxiPerVcpuGibMiB = 0.0092;

    protected static long VmMonitorOverheadBytes(VirtualMachineSpec vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return EsxiVmOverheadBytes(vm.Vcpus, vm.MemoryBytes);
    }
}
