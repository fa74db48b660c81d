namespace VirtLang.Runtime.Model;

/// <summary>How a host runs its guests (language.md, "Domain").</summary>
public enum HypervisorKind
{
    /// <summary>No hypervisor: applications run on the host OS, one application per server.</summary>
    None,

    /// <summary>Type 2: runs on a host OS, emulates hardware.</summary>
    Hosted,

    /// <summary>Type 1: no host OS, its own drivers.</summary>
    BareMetal,

    /// <summary>No emulation: a privileged guest owns the drivers; other guests run modified kernels.</summary>
    Paravirtual,

    /// <summary>One kernel, many isolated userlands (zones, containers) that can burst.</summary>
    OsLevel,
}
