namespace VirtLang.Runtime.Costs;

/// <summary>Who does the virtualization layer's I/O work on a host, and so whose CPU it is charged to.</summary>
public enum IoWorker
{
    /// <summary>Nobody beyond the application's own kernel: bare hosts and containers.</summary>
    None,

    /// <summary>The hosted hypervisor's process on the host OS, emulating the devices.</summary>
    HostProcess,

    /// <summary>The privileged guest of a paravirtual host (dom0), whose back-end drivers serve every guest.</summary>
    DriverDomain,

    /// <summary>A bare-metal hypervisor's own drivers and device emulation.</summary>
    Hypervisor,
}
