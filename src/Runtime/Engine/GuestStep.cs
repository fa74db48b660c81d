using System.Runtime.InteropServices;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// What a host's step reads of one of its guests, kept in the host's own array in step order
/// (<see cref="HostState"/>): the step walks a few contiguous kilobytes per host instead of chasing every guest's and
/// instance's object, which at hundreds of hosts do not stay in the cache from one step to the next. The settings are
/// copied from the <see cref="GuestState"/> when the host's guests change (see <see cref="HostState.StepDataChanged"/>).
/// What the step works out for it is in the run's <see cref="StepScratch"/>.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct GuestStep
{
    /// <summary>Its first instance in the host's <see cref="InstanceStep"/> array, and how many it has.</summary>
    public int FirstInstance;

    public int InstanceCount;

    /// <summary><see cref="GuestState.IsUp"/>.</summary>
    public bool Up;

    public bool VirtualMachine;

    /// <summary>A container without burst: never more than its share of the host.</summary>
    public bool Capped;

    public bool Privileged;

    /// <summary>A VM on a binary-translating host: its code cache may be cold (<see cref="GuestState.CodeCacheSlowdown"/>).</summary>
    public bool WarmsUp;

    public double Weight;

    /// <summary>Its cap in reference cores: <see cref="GuestState.CpuCap"/> times the host's core speed.</summary>
    public double CapCores;

    public double SwapSlowdown;

    public long CodeCacheColdSince;
}
