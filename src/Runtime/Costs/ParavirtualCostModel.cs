using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary>
/// <c>kind = paravirtual</c> (Xen): modified guest kernels call the hypervisor instead of trapping, and a privileged
/// guest owns the drivers; no binary translation is needed, so the acceleration changes nothing.
/// </summary>
public sealed class ParavirtualCostModel(CostOverrides? overrides) : VirtualizationCostModel(overrides)
{
    /// <summary>
    /// Barham et al.: Xen keeps 20 kB of state per domain; its toolstack (libxl, LIBXL_MAXMEM_CONSTANT) sets each
    /// domain's ceiling 1 MiB above its memory, which we count as reserved.
    /// </summary>
    private const long DomainStateBytes = (20 * 1024) + (1L << 20);

    /// <summary>
    /// Barham et al.: SPEC INT2000 567 native and on Xen (1.00); Linux build 263 s native, 271 s on Xen (1.03); ttcp
    /// 897/897 Mb/s both ways on both (1.00). SPEC WEB99 within 1 % of native confirms the product for I/O-heavy work.
    /// </summary>
    private static readonly CostFigures Xen = new(1.00, 271.0 / 263.0, 1.00);

    public override HypervisorKind Kind => HypervisorKind.Paravirtual;

    public override bool HasBalloonDriver => true;

    /// <summary>Xen lost 7.5 % of the machine with 128 busy domains (Barham et al.).</summary>
    public override double SchedulingLossPerBusyGuest => 0.075 / 128;

    /// <summary>The hypervisor itself (assumption: 128 MiB); dom0 is a guest of the model and counts as one.</summary>
    protected override long DefaultReservedMemoryBytes => 128L << 20;

    protected override CostFigures Figures(AccelerationMode mode) => Xen;

    protected override long DefaultGuestOverheadBytes(GuestSpec guest) => DomainStateBytes;
}
