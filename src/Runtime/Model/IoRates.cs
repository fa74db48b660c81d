namespace VirtLang.Runtime.Model;

/// <summary>
/// The I/O an instance does: disk operations and bytes per second, and network bits per second. The virtualization
/// layer pays per operation (a disk request or a network packet), so <see cref="Operations"/> is what its cost is
/// reckoned on; the devices' capacities bound the operations and bytes.
/// </summary>
public readonly record struct IoRates(double DiskOpsPerSecond, double DiskBytesPerSecond, double NetworkBitsPerSecond)
{
    /// <summary>The bytes of one network packet at the common Ethernet MTU: how bits become operations.</summary>
    public const double PacketBytes = 1500;

    /// <summary>Disk requests plus network packets per second.</summary>
    public double Operations => DiskOpsPerSecond + (NetworkBitsPerSecond / 8 / PacketBytes);

    public static IoRates operator *(IoRates rates, double factor) =>
        new(rates.DiskOpsPerSecond * factor, rates.DiskBytesPerSecond * factor, rates.NetworkBitsPerSecond * factor);

    public static IoRates operator +(IoRates a, IoRates b) =>
        new(a.DiskOpsPerSecond + b.DiskOpsPerSecond, a.DiskBytesPerSecond + b.DiskBytesPerSecond, a.NetworkBitsPerSecond + b.NetworkBitsPerSecond);

    /// <summary>
    /// The I/O of one instance of an application at its full demand of <paramref name="cpu"/> cores: each rate the
    /// model gives, else its class's rate per core times the cores. The one rule, for the checker and the simulator.
    /// </summary>
    public static IoRates AtFullDemand(IoClass io, double cpu, double? iops, double? diskBytesPerSecond, double? networkBitsPerSecond)
    {
        var byClass = PerCore(io) * cpu;
        return new(iops ?? byClass.DiskOpsPerSecond, diskBytesPerSecond ?? byClass.DiskBytesPerSecond, networkBitsPerSecond ?? byClass.NetworkBitsPerSecond);
    }

    /// <summary>
    /// The I/O of one reference core of native work in each class (assumptions, docs/simulation.md): light work (a
    /// CPU benchmark) touches devices rarely; moderate work is a kernel build, whose files mostly stay in the page
    /// cache; heavy work is a web or database server, where every request is packets and disk requests.
    /// </summary>
    public static IoRates PerCore(IoClass io) => io switch
    {
        IoClass.Light => new(20, 0.2e6, 0.5e6),
        IoClass.Moderate => new(150, 2e6, 2e6),
        _ => new(2_000, 20e6, 200e6),
    };
}
