using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary>
/// <c>kind = bare_metal</c> (type 1: ESX/ESXi): no host OS, its own drivers. CPU costs as measured on VMware's
/// monitor; devices go through the hypervisor's own drivers, cheaper than a hosted product's emulation.
/// </summary>
public sealed class BareMetalCostModel(CostOverrides? overrides) : VirtualizationCostModel(overrides)
{
    /// <summary>
    /// The device figure, an assumption: between Xen's split drivers (1.0) and KVM's emulated disk (2.0); no direct
    /// measurement of a type-1 hypervisor's devices in our sources.
    /// </summary>
    private const double OwnDrivers = 1.3;

    /// <summary>VMware's binary translator in Adams and Agesen: SPECjbb 98 % of native (1.020), kernel compile 393 s vs 265 s (1.483).</summary>
    private static readonly CostFigures BinaryTranslation = new(1 / 0.98, 393.0 / 265.0, OwnDrivers);

    /// <summary>First-generation VT-x in Adams and Agesen: SPECjbb 99 % (1.010), kernel compile 484 s vs 265 s (1.826).</summary>
    private static readonly CostFigures FirstGenerationVtx = new(1 / 0.99, 484.0 / 265.0, OwnDrivers);

    /// <summary>
    /// With EPT/NPT: Linpack 1.023 as for tuned KVM (Felter et al.); the trap figure 1.05 is the same assumption as
    /// for a hosted hypervisor with nested paging.
    /// </summary>
    private static readonly CostFigures NestedPaging = new(290.8 / 284.2, 1.05, OwnDrivers);

    public override HypervisorKind Kind => HypervisorKind.BareMetal;

    public override bool HasBalloonDriver => true;

    /// <summary>The hypervisor's kernel and management agents (assumption: 512 MiB).</summary>
    protected override long DefaultReservedMemoryBytes => 512L << 20;

    protected override CostFigures Figures(AccelerationMode mode) => mode switch
    {
        AccelerationMode.BinaryTranslation => BinaryTranslation,
        AccelerationMode.HardwareAssist => FirstGenerationVtx,
        AccelerationMode.NestedPaging => NestedPaging,
        _ => CostFigures.Native,
    };

    protected override long DefaultGuestOverheadBytes(GuestSpec guest) => guest is VirtualMachineSpec vm ? VmMonitorOverheadBytes(vm) : 0;
}
