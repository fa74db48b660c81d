namespace VirtLang.Runtime.Model;

/// <summary>A physical host: hardware, its OS and patch level (none under a bare-metal hypervisor), its hypervisor and guests.</summary>
public sealed class HostSpec
{
    public required string Name { get; init; }

    public required CpuSpec Cpu { get; init; }

    public required long MemoryBytes { get; init; }

    public IReadOnlyList<DiskSpec> Disks { get; init; } = [];

    public IReadOnlyList<NicSpec> Nics { get; init; } = [];

    public PowerSpec Power { get; init; } = PowerSpec.Default;

    public OperatingSystemSpec? Os { get; init; }

    public string? Patch { get; init; }

    public HypervisorSpec Hypervisor { get; init; } = HypervisorSpec.None;

    public IReadOnlyList<GuestSpec> Guests { get; init; } = [];

    /// <summary>Applications straight on the host OS (no hypervisor, or beside the containers of an OS-level host).</summary>
    public IReadOnlyList<ApplicationSpec> Runs { get; init; } = [];

    /// <summary>Random failures of the machine (its hardware's, read through the base): down for the repair, as <c>fail HOST</c> (null: none).</summary>
    public FailureSpec? Failures { get; init; }

    /// <summary>The name of its site (<see cref="Topology.Sites"/>); null: no site, with every other host that has none.</summary>
    public string? Site { get; init; }

    public override string ToString() => Name;
}
