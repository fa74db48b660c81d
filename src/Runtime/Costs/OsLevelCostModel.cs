using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary>
/// <c>kind = os_level</c>: containers on the host's one kernel. No virtual CPU and no emulated devices: Felter et al.
/// measured Docker at native speed (Linpack 290.9 vs 290.8 GFLOPS, STREAM 45.6 vs 45.6 GB/s).
/// </summary>
public sealed class OsLevelCostModel(CostOverrides? overrides) : VirtualizationCostModel(overrides)
{
    public override HypervisorKind Kind => HypervisorKind.OsLevel;

    /// <summary>The host OS's own memory (assumption: 1 GiB).</summary>
    protected override long DefaultReservedMemoryBytes => 1L << 30;

    public override AccelerationMode ModeOf(Acceleration acceleration, CpuSpec cpu) => AccelerationMode.Native;

    /// <summary>Linpack 290.8 / 290.9 and STREAM 45.6 / 45.6: 1.00 (Felter et al., secondary). No trap figure: same kernel, no trap.</summary>
    protected override CostFigures Figures(AccelerationMode mode) => CostFigures.Native;

    /// <summary>A plain container is a set of namespaces: no measurable memory of its own (a Kata pod would be 160 MiB).</summary>
    protected override long DefaultGuestOverheadBytes(GuestSpec guest) => 0;
}
