using VirtLang.Compiler.Symbols;

namespace VirtLang.Planning;

/// <summary>
/// What one instance of an application asks of one machine of a pool: CPU per time bucket (thousandths of a
/// reference core, the hypervisor's costs included), memory held with its overhead, vCPUs, and the guest platform the
/// planner picked for it.
/// </summary>
internal sealed class InstanceDemand
{
    public required long[] Cpu { get; init; }

    public required long PeakCpu { get; init; }

    public required long Memory { get; init; }

    /// <summary>vCPUs of its VM (0 when it runs in no VM).</summary>
    public required long Vcpus { get; init; }

    /// <summary>The VM's configured memory (0 when it runs in no VM).</summary>
    public required long VmMemory { get; init; }

    /// <summary>The guest OS of its VM (null: none written, or no VM).</summary>
    public OsSymbol? GuestOs { get; init; }

    /// <summary>The guest patch level of its VM (null: none written, or no VM).</summary>
    public string? GuestPatch { get; init; }

    /// <summary>Its energy share over the horizon, in watt-hours, on one of the pool's machines: (max − idle) × its utilization.</summary>
    public required long DynamicWattHours { get; init; }
}
