using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Symbols;

/// <summary>A disk or NIC of a host's hardware (effective: the host's own, else its base's).</summary>
/// <remarks><paramref name="BitsPerSecond"/> is a NIC's speed or a disk's throughput (as bits, the language's bandwidth unit); <paramref name="Iops"/> a disk's.</remarks>
public sealed record DeviceSymbol(string Kind, string Name, string? Driver, double CapacityBytes, double BitsPerSecond, Location Declaration)
{
    public double Iops { get; init; }
}
