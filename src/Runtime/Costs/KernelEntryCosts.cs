using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary>
/// What a virtualization technique adds to each kernel entry of a guest, in reference-core microseconds, all of it on
/// the guest's own CPU and waited for (binary translation runs the guest kernel's entry through translated code and
/// the software MMU; hardware assist exits to the monitor and back). Drawn from Adams and Agesen 2006, measured in
/// cycles on a 3.8 GHz Pentium 4 672 and converted at the reference clock (a cycle is a cycle, as clock scaling
/// assumes everywhere in the simulator); docs/simulation.md lists each figure with its source and confidence.
/// </summary>
public sealed record KernelEntryCosts(double SyscallMicroseconds, double PageFaultMicroseconds, double ForkMicroseconds)
{
    /// <summary>Cycles of a reference core per microsecond.</summary>
    private const double CyclesPerMicrosecond = CpuSpec.ReferenceClockGHz * 1000;

    /// <summary>The Pentium 4 672 of Adams and Agesen's experiments, in cycles per microsecond.</summary>
    private const double Pentium4CyclesPerMicrosecond = 3800;

    /// <summary>
    /// The forkwait test: 40,000 fork/wait pairs took 6.0 s native, 36.9 s under binary translation and 106.4 s under
    /// first-generation VT-x (Adams and Agesen 2006, section 6.2; secondary). The extra per pair, in P4 cycles.
    /// </summary>
    private const double ForkWaitPairs = 40_000;

    public static KernelEntryCosts None { get; } = new(0, 0, 0);

    /// <summary>
    /// VMware's binary translator (Adams and Agesen 2006, section 6.3, nanobenchmarks; secondary): a system call costs
    /// about 2,000 cycles more than native (the translated entry and an extra privilege transition); a true page fault
    /// 3,927 cycles against 1,093 native (the software MMU); a fork/wait pair (36.9 s − 6.0 s) / 40,000 at 3.8 GHz,
    /// fitted to the forkwait test: the shadow page tables of every new address space are built by hidden faults that
    /// native execution does not have, so a fork's cost is not a sum of the nanobenchmarks.
    /// </summary>
    public static KernelEntryCosts BinaryTranslation { get; } = FromCycles(2_000, 3_927 - 1_093, ForkWaitExtraCycles(36.9));

    /// <summary>
    /// First-generation VT-x without nested paging (Adams and Agesen 2006, section 6.3; secondary): system calls do
    /// not exit, so they run at native speed; a true page fault takes 11,242 cycles against 1,093 native (the exit, the
    /// software MMU and the entry); a fork/wait pair (106.4 s − 6.0 s) / 40,000 at 3.8 GHz, fitted to the forkwait
    /// test (every guest page-table write of the new address space exits).
    /// </summary>
    public static KernelEntryCosts FirstGenerationHardwareAssist { get; } = FromCycles(0, 11_242 - 1_093, ForkWaitExtraCycles(106.4));

    /// <summary>
    /// Nested paging (EPT/NPT): the guest handles its own page faults and page-table writes without an exit, and
    /// system calls never exit. An assumption (no published per-operation figure in our sources): nothing added; the
    /// two-dimensional page walk's cost is in the mode's CPU-bound figure.
    /// </summary>
    public static KernelEntryCosts NestedPaging => None;

    /// <summary>
    /// Xen's paravirtual guests (Barham et al. 2003, section 2.1: the guest registers a fast system-call handler the
    /// processor calls directly, while page faults pass through Xen, which alone can read the faulting address). A
    /// system call: nothing added. A page fault: one more exception delivery and return through the hypervisor,
    /// assumed as long as a native divide-by-zero fault (889 cycles, Adams and Agesen's divzero). A fork/wait pair:
    /// an assumption of one native pair's work again (6.0 s / 40,000 at 3.8 GHz), the hypervisor validating the new
    /// address space's page tables (no published figure confirmed).
    /// </summary>
    public static KernelEntryCosts Paravirtual { get; } = FromCycles(0, 889, 6.0 / ForkWaitPairs * 1e6 * Pentium4CyclesPerMicrosecond);

    /// <summary>Costs given in cycles per entry, converted to reference-core microseconds.</summary>
    public static KernelEntryCosts FromCycles(double syscall, double pageFault, double fork) =>
        new(syscall / CyclesPerMicrosecond, pageFault / CyclesPerMicrosecond, fork / CyclesPerMicrosecond);

    /// <summary>
    /// The host CPU these entries add per reference core of the application's work, for work that enters the kernel
    /// at <paramref name="perCore"/> per second per reference core; all of it lengthens the work.
    /// </summary>
    public double CpuPerCore(KernelEntryRates perCore) =>
        ((perCore.Syscalls * SyscallMicroseconds) + (perCore.PageFaults * PageFaultMicroseconds) + (perCore.Forks * ForkMicroseconds)) * 1e-6;

    private static double ForkWaitExtraCycles(double virtualizedSeconds) => (virtualizedSeconds - 6.0) / ForkWaitPairs * 1e6 * Pentium4CyclesPerMicrosecond;
}
