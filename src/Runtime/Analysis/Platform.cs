using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Analysis;

/// <summary>One way to run guests for a <see cref="ConsolidationStudy"/>: a hypervisor kind, how it runs guest code, and the CPU under it.</summary>
/// <param name="Label">What a table calls it (<c>bare-metal, VT-x + EPT</c>).</param>
public sealed record Platform(string Label, HypervisorKind Kind, Acceleration Acceleration, CpuFeatures Features)
{
    /// <summary>The platforms of the story: one application per server, then each kind of virtualization, and first-generation VT-x on its own.</summary>
    public static IReadOnlyList<Platform> Story { get; } =
    [
        new("none (one application per server)", HypervisorKind.None, Acceleration.Hardware, CpuFeatures.Vtx | CpuFeatures.Ept),
        new("hosted, binary translation", HypervisorKind.Hosted, Acceleration.Software, CpuFeatures.None),
        new("paravirtual (Xen)", HypervisorKind.Paravirtual, Acceleration.Software, CpuFeatures.None),
        new("bare-metal, first VT-x (no EPT)", HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx),
        new("bare-metal, VT-x + EPT", HypervisorKind.BareMetal, Acceleration.Hardware, CpuFeatures.Vtx | CpuFeatures.Ept),
        new("containers (os_level)", HypervisorKind.OsLevel, Acceleration.Hardware, CpuFeatures.Vtx | CpuFeatures.Ept),
    ];
}
