namespace VirtLang.Runtime.Model;

/// <summary>The CPU features that matter to virtualization: hardware assist (VT-x, AMD-V) and nested paging (EPT, NPT).</summary>
[Flags]
public enum CpuFeatures
{
    None = 0,
    Vtx = 1,
    AmdV = 2,
    Ept = 4,
    Npt = 8,
}
