namespace VirtLang.Runtime.Model;

/// <summary>A host's processors: the topology and the features a hypervisor needs.</summary>
public sealed record CpuSpec(int Sockets, int CoresPerSocket, int ThreadsPerCore, double ClockGHz, CpuFeatures Features)
{
    /// <summary>What the host can run at once, and the unit of its CPU capacity: a vCPU is at most one logical CPU.</summary>
    public int LogicalCpus => Sockets * CoresPerSocket * ThreadsPerCore;

    public int PhysicalCores => Sockets * CoresPerSocket;

    /// <summary>VT-x or AMD-V: what <c>acceleration = hardware</c> needs.</summary>
    public bool HasHardwareAssist => (Features & (CpuFeatures.Vtx | CpuFeatures.AmdV)) != 0;

    /// <summary>EPT or NPT: second-generation hardware assist, without which page faults trap to the hypervisor.</summary>
    public bool HasNestedPaging => (Features & (CpuFeatures.Ept | CpuFeatures.Npt)) != 0;
}
