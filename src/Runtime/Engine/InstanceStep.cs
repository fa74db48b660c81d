using System.Runtime.InteropServices;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// What a host's step reads of one instance on it and draws for it, in the host's own array in step order (guest by
/// guest, as <see cref="GuestStep.FirstInstance"/> says): its application, seed and costs on the host, copied from
/// the <see cref="InstanceState"/> when the host's guests change. Its demand this step is in the run's <see cref="StepScratch"/>.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct InstanceStep
{
    public ApplicationState Application;

    public ulong Seed;

    /// <summary>It has not failed on its own (<see cref="InstanceState.DownReasons"/> is zero).</summary>
    public bool Up;

    /// <summary><see cref="InstanceState.CpuFactor"/>, <see cref="InstanceState.LayerCpuPerCore"/> and <see cref="InstanceState.Alone"/> on this host.</summary>
    public double CpuFactor;

    public double LayerCpuPerCore;

    public double Alone;

    public double OperationsPerCore;

    /// <summary><see cref="InstanceState.IoPerCore"/>, field by field.</summary>
    public double DiskOpsPerCore;

    public double DiskBytesPerCore;

    public double NetworkBitsPerCore;
}
