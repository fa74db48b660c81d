namespace VirtLang.Runtime.Costs;

/// <summary>
/// The three calibrated figures of one hypervisor kind in one acceleration mode, each a ratio to native (1 = no cost):
/// <paramref name="CpuBound"/>, host CPU per unit of guest work on CPU-bound code (SPEC INT, Linpack, SPECjbb);
/// <paramref name="TrapBound"/>, the same on code that enters the kernel often (system calls, page faults, forks: a
/// kernel build); <paramref name="Devices"/>, the slowdown of virtual disks and NICs (ttcp, random-read IOPS).
/// </summary>
public sealed record CostFigures(double CpuBound, double TrapBound, double Devices)
{
    public static CostFigures Native { get; } = new(1, 1, 1);
}
