using System.Runtime.InteropServices;

namespace VirtLang.Runtime.Engine;

/// <summary>What a host's step works out for one of its guests and reads again later in the same step (<see cref="StepScratch"/>).</summary>
[StructLayout(LayoutKind.Auto)]
internal struct GuestStepScratch
{
    /// <summary>This step's <see cref="GuestState.CodeCacheSlowdown"/>: it multiplies both the guest's host CPU and its slowdown.</summary>
    public double WarmUp;

    public double DemandSum;

    public double HostWork;

    /// <summary>The layer's I/O work for it this step (reference cores), charged to the host's I/O worker.</summary>
    public double IoWork;

    /// <summary>Its I/O this step on its host's devices, field by field.</summary>
    public double DiskOps;

    public double DiskBytes;

    public double NetworkBits;

    public double DeviceShare;

    public double Fraction;
}
