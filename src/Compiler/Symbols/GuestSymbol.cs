using VirtLang.Compiler.Binding;

namespace VirtLang.Compiler.Symbols;

/// <summary>A VM or a container on its host, with effective values (a container's OS and patch are its host's).</summary>
public sealed class GuestSymbol : ModelSymbol
{
    internal GuestSymbol(string name, BlockView view, HostSymbol host)
        : base(name, view)
    {
        Host = host;
        IsVm = Kind == "vm";
    }

    public HostSymbol Host { get; }

    public bool IsVm { get; }

    public bool IsContainer => !IsVm;

    /// <summary>A VM's own OS; a container's host's (its own declaration, if any, is what VDL3003 checks).</summary>
    public OsSymbol? Os => IsVm ? OwnOs : Host.Os;

    public string? Patch => IsVm ? OwnPatch : Host.Patch;

    /// <summary><see cref="Patch"/> as a version, parsed with the tree (null when there is none or it is malformed).</summary>
    public Language.Literals.Version? PatchVersion => IsVm ? OwnPatchVersion : Host.PatchVersion;

    /// <summary>The OS and patch written on the guest itself.</summary>
    public OsSymbol? OwnOs { get; internal set; }

    public string? OwnPatch { get; internal set; }

    public Language.Literals.Version? OwnPatchVersion { get; internal set; }

    public long Vcpus { get; internal set; }

    public double MemoryBytes { get; internal set; }

    public double DiskBytes { get; internal set; }

    public bool Privileged { get; internal set; }

    public double CpuShares { get; internal set; } = 1;

    public double? MemoryLimitBytes { get; internal set; }

    public bool Burst { get; internal set; }

    /// <summary>Its turn in its cluster's HA restarts (<c>restart_priority</c>; default medium).</summary>
    public Runtime.Model.RestartPriority RestartPriority { get; internal set; }

    public IReadOnlyList<ApplicationSymbol> Runs { get; internal set; } = [];
}
