using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary><c>kind = none</c>: applications on the host OS. Nothing to pay but the OS's own memory.</summary>
public sealed class NativeCostModel(CostOverrides? overrides) : VirtualizationCostModel(overrides)
{
    public override HypervisorKind Kind => HypervisorKind.None;

    /// <summary>The host OS's own memory (assumption: 1 GiB).</summary>
    protected override long DefaultReservedMemoryBytes => 1L << 30;

    public override AccelerationMode ModeOf(Acceleration acceleration, CpuSpec cpu) => AccelerationMode.Native;

    protected override CostFigures Figures(AccelerationMode mode) => CostFigures.Native;

    protected override long DefaultGuestOverheadBytes(GuestSpec guest) => 0;
}
