using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Costs;

/// <summary>
/// What the virtualization layer adds to each I/O operation (a disk request or a network packet):
/// <paramref name="CpuMicroseconds"/> of a reference core, done by <paramref name="Worker"/>, of which the share
/// <paramref name="CriticalShare"/> the guest waits for (1: synchronous emulation, as a hosted VMM's world switch; near 0:
/// asynchronous rings served on another CPU, as Xen's split drivers). The application's own kernel's I/O work is
/// part of its native <c>cpu</c> demand and is not counted here.
/// </summary>
public sealed record IoPath(double CpuMicroseconds, double CriticalShare, IoWorker Worker)
{
    /// <summary>No layer: bare hosts and containers.</summary>
    public static IoPath Native { get; } = new(0, 0, IoWorker.None);

    /// <summary>
    /// The native kernel's own CPU per I/O operation, in reference-core microseconds: the "1 GHz per 1 Gb/s" rule of
    /// thumb for TCP (12 µs per 1,500-byte packet at 1 GHz, 4.8 µs at 2.5 GHz). It converts the model's
    /// <c>overhead { io = X }</c> ("the I/O path costs X times native's") into a per-operation cost.
    /// </summary>
    public const double NativeMicroseconds = 4.8;

    /// <summary>Reference-core seconds of layer work per operation.</summary>
    public double CpuSeconds => CpuMicroseconds * 1e-6;

    /// <summary>Layer CPU per reference core of the application's work, for work doing <paramref name="operationsPerCore"/>.</summary>
    public double CpuPerCore(double operationsPerCore) => operationsPerCore * CpuSeconds;

    /// <summary>How much the layer lengthens one unit of the application's work: the part of its CPU the guest waits for.</summary>
    public double Delay(double operationsPerCore) => CpuPerCore(operationsPerCore) * CriticalShare;

    /// <summary>
    /// The per-operation cost that makes the heavy class's slowdown <paramref name="heavy"/> when the moderate class's
    /// is <paramref name="moderate"/> (both published; the difference is what heavy work's extra operations cost).
    /// </summary>
    public static IoPath FittedTo(double moderate, double heavy, IoWorker worker)
    {
        var extraOperations = IoRates.PerCore(IoClass.Heavy).Operations - IoRates.PerCore(IoClass.Moderate).Operations;
        return new((heavy - moderate) / extraOperations * 1e6, 1, worker);
    }
}
