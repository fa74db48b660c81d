namespace VirtLang.Runtime.Model;

/// <summary>A virtual machine: its own kernel, OS and patch level, a fixed number of vCPUs and memory.</summary>
public sealed class VirtualMachineSpec : GuestSpec
{
    public int Vcpus { get; init; } = 1;

    public long MemoryBytes { get; init; }

    public long DiskBytes { get; init; }

    public OperatingSystemSpec? Os { get; init; }

    public string? Patch { get; init; }

    /// <summary>The privileged guest of a paravirtual host (dom0): it owns the drivers, so its crash takes the host's I/O.</summary>
    public bool Privileged { get; init; }
}
