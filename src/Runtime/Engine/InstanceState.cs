using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>One application instance in one guest: the unit of demand.</summary>
internal sealed class InstanceState
{
    public InstanceState(ApplicationState application, ulong seed)
    {
        Application = application;
        Seed = seed;
        IoIndex = (int)application.Spec.Io;
        var cpu = application.Spec.Cpu;
        IoPerCore = cpu > 0 ? application.Spec.IoAtFullDemand * (1 / cpu) : default;
        OperationsPerCore = IoPerCore.Operations;
        KernelEntriesPerCore = cpu > 0 ? application.Spec.KernelEntries * (1 / cpu) : default;
        HasKernelEntries = !KernelEntriesPerCore.IsZero;
    }

    public ApplicationState Application { get; }

    /// <summary>The instance's own seed for its profile (spikes at its own moments).</summary>
    public ulong Seed { get; }

    public int IoIndex { get; }

    /// <summary>Its I/O per core of demand: I/O scales with the work, as the application's demand does.</summary>
    public IoRates IoPerCore { get; }

    /// <summary>Disk requests and packets per core of demand: what the virtualization layer pays for.</summary>
    public double OperationsPerCore { get; }

    /// <summary>Its system calls, page faults and forks per core of demand: they scale with the work, as its I/O does.</summary>
    public KernelEntryRates KernelEntriesPerCore { get; }

    /// <summary>Whether it states any (most do not, and then cost exactly what their class costs).</summary>
    public bool HasKernelEntries { get; }

    /// <summary>This step's demand in cores (scratch, rewritten every step).</summary>
    public double Demand { get; set; }

    /// <summary>
    /// This step's demand it serves in cores: its own while up, plus its share of its down siblings' under load shift;
    /// none while down (scratch, rewritten every step).
    /// </summary>
    public double Load { get; set; }

    /// <summary>Reasons the instance itself is down while its guest may run on (a random application failure): up at zero.</summary>
    public int DownReasons
    {
        get;
        set
        {
            field = value;
            Guest.Host.StepDataChanged();
        }
    }

    /// <summary>Whether it runs now: its guest is up (a guest is down while its host is) and it has not failed itself.</summary>
    public bool IsUp => DownReasons == 0 && Guest.IsUp;

    /// <summary>The guest it runs in; set once, when the guest is built around its instances.</summary>
    public GuestState Guest { get; set; } = null!;

    /// <summary>The host whose costs <see cref="CpuFactor"/>, <see cref="LayerCpuPerCore"/> and <see cref="Alone"/> hold; null before its first step.</summary>
    public HostState? PricedOn { get; private set; }

    /// <summary>Its guest's own host CPU per core of its work on <see cref="PricedOn"/>: its class's figure plus its kernel entries'.</summary>
    public double CpuFactor { get; private set; }

    /// <summary>The layer's I/O work per core of its work on <see cref="PricedOn"/>.</summary>
    public double LayerCpuPerCore { get; private set; }

    /// <summary>How much slower a unit of its work runs on <see cref="PricedOn"/> with nothing else in the way: <see cref="CpuFactor"/> plus the I/O path's delay.</summary>
    public double Alone { get; private set; }

    /// <summary>
    /// Sets its costs on <paramref name="host"/>, which stay the same for as long as it is there: a host's technique
    /// and I/O path never change during a run, so they are computed again only when its guest has moved.
    /// </summary>
    public void PriceOn(HostState host, double cpuFactor, double layerCpuPerCore, double delay)
    {
        PricedOn = host;
        CpuFactor = cpuFactor;
        LayerCpuPerCore = layerCpuPerCore;
        Alone = cpuFactor + delay;
    }
}
