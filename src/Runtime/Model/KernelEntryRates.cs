namespace VirtLang.Runtime.Model;

/// <summary>
/// How often an application enters its kernel in the ways virtualization makes dear, per second: system calls, true
/// page faults (a page the process touches for the first time, or writes after a fork), and process creations (a
/// fork with its child's exit and the parent's wait). Each virtualization technique adds its own cost per entry
/// (<c>KernelEntryCosts</c>); a native kernel's own cost is part of the application's measured <c>cpu</c> demand.
/// </summary>
public readonly record struct KernelEntryRates(double Syscalls, double PageFaults, double Forks)
{
    /// <summary>None stated: the application's I/O class alone says how kernel-heavy it is.</summary>
    public bool IsZero => Syscalls == 0 && PageFaults == 0 && Forks == 0;

    public static KernelEntryRates operator *(KernelEntryRates rates, double factor) =>
        new(rates.Syscalls * factor, rates.PageFaults * factor, rates.Forks * factor);
}
