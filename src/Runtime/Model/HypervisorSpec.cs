namespace VirtLang.Runtime.Model;

/// <summary>What runs a host's guests. A host without one has <see cref="None"/>: applications on the host OS.</summary>
public sealed record HypervisorSpec(HypervisorKind Kind, Acceleration Acceleration)
{
    public static HypervisorSpec None { get; } = new(HypervisorKind.None, Acceleration.Hardware);

    public string? Product { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<string> Drivers { get; init; } = [];

    public CostOverrides? Overrides { get; init; }

    /// <summary>Page sharing between guests of the same OS image (off by default: ESXi stopped sharing between VMs by default in 2014).</summary>
    public bool PageSharing { get; init; }

    /// <summary>Whether the hypervisor balloons idle guest memory under pressure; null: the kind's default (on where guests have a balloon driver).</summary>
    public bool? Ballooning { get; init; }

    /// <summary>Random crashes of the hypervisor (its host's OS under <c>hosted</c>, <c>os_level</c> and <c>none</c>), as <c>crash HOST</c> (null: none).</summary>
    public FailureSpec? Failures { get; init; }
}
