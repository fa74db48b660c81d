namespace VirtLang.Import.Model;

/// <summary>A host and its hypervisor. Sources rarely describe the machine itself: its hardware is then a placeholder the header lists.</summary>
public sealed class ImportedHost(string name, string hypervisorKind)
{
    public string Name { get; } = name;

    /// <summary>A VDL hypervisor kind word: bare_metal, paravirtual, os_level, hosted.</summary>
    public string HypervisorKind { get; } = hypervisorKind;

    public string? Acceleration { get; set; }

    public string? Product { get; set; }

    /// <summary>The host's own OS, needed by os_level and hosted hosts.</summary>
    public string? Os { get; set; }

    /// <summary>CPU virtualization features the hypervisor proves the machine has (KVM runs only on VT-x or AMD-V).</summary>
    public List<string> CpuFeatures { get; } = [];

    public List<string> Comments { get; } = [];

    public List<ImportedGuest> Guests { get; } = [];
}
