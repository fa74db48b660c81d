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
    /// Xen's split drivers: the guest puts requests on a shared ring and the driver domain's back-end serves them on
    /// its own CPU. An assumption of 10 µs of dom0 CPU per operation (about twice the native kernel's path: the
    /// back-end's work plus the grant and event-channel traffic), 5 % of it waited for (the ring notification); SPEC
    /// WEB99 "within 1 %" of native and ttcp at 897 Mb/s both ways (Barham et al.) bound the waited share.
    /// </summary>
    private static readonly IoPath SplitDrivers = new(10, 0.05, IoWorker.DriverDomain);

    /// <summary>Barham et al.: SPEC INT2000 567 native and on Xen (1.00); Linux build 263 s native, 271 s on Xen ("a mere 3 %").</summary>
    private static readonly CostFigures Xen = CostFigures.FromPublished(1.00, 271.0 / 263.0, SplitDrivers) with
    {
        Entries = KernelEntryCosts.Paravirtual,
    };

    public override HypervisorKind Kind => HypervisorKind.Paravirtual;

    public override bool HasBalloonDriver => true;

    /// <summary>Xen lost 7.5 % of the machine with 128 busy domains (Barham et al.).</summary>
    public override double SchedulingLossPerBusyGuest => 0.075 / 128;

    /// <summary>The hypervisor itself (assumption: 128 MiB); dom0 is a guest of the model and counts as one.</summary>
    protected override long DefaultReservedMemoryBytes => 128L << 20;

    protected override CostFigures Figures(AccelerationMode mode) => Xen;

    protected override long DefaultGuestOverheadBytes(GuestSpec guest) => DomainStateBytes;
}
