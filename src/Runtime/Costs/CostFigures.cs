using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary>
/// The calibrated figures of one hypervisor kind in one acceleration mode. <paramref name="CpuBound"/> and
/// <paramref name="TrapBound"/> are the host CPU the guest's own execution takes per unit of native work, on CPU-bound
/// code (SPEC INT, Linpack, SPECjbb) and on code that enters the kernel often (system calls, page faults, forks: a
/// kernel build; heavy I/O work too); <paramref name="Io"/> is what the layer adds per I/O operation.
/// </summary>
public sealed record CostFigures(double CpuBound, double TrapBound, IoPath Io)
{
    public static CostFigures Native { get; } = new(1, 1, IoPath.Native);

    /// <summary>
    /// What the layer adds per system call, page fault and fork that an application states beyond its class (none by
    /// default: an application that states no rates costs what its class costs).
    /// </summary>
    public KernelEntryCosts Entries { get; init; } = KernelEntryCosts.None;

    /// <summary>
    /// Figures from published whole-benchmark slowdowns: a CPU-bound one (light work) and a kernel build (moderate
    /// work). The I/O path's delay for each class's own operations is taken out, so that a simulated benchmark of
    /// that class comes out at the published figure, and no figure falls below native.
    /// </summary>
    public static CostFigures FromPublished(double light, double moderate, IoPath io)
    {
        ArgumentNullException.ThrowIfNull(io);
        return new(
            Math.Max(1, light - io.Delay(IoRates.PerCore(IoClass.Light).Operations)),
            Math.Max(1, moderate - io.Delay(IoRates.PerCore(IoClass.Moderate).Operations)),
            io);
    }

    /// <summary>The guest's own host CPU per unit of native work of class <paramref name="io"/>.</summary>
    public double GuestFactor(IoClass io) => io == IoClass.Light ? CpuBound : TrapBound;
}
