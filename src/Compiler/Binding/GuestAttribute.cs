using System.Collections.Frozen;

namespace VirtLang.Compiler.Binding;

/// <summary>
/// The attributes the binder reads from a guest, found in one walk over its members (<see cref="BlockView.FindEach"/>)
/// rather than one walk per attribute: a large model has a hundred thousand guests, each read for twelve attributes.
/// </summary>
internal enum GuestAttribute
{
    Count,
    Os,
    Patch,
    Vcpus,
    Memory,
    Disk,
    Privileged,
    CpuShares,
    MemoryLimit,
    Burst,
    RestartPriority,
    Runs,
}

/// <summary>The written name of each <see cref="GuestAttribute"/>, and the slot of each name.</summary>
internal static class GuestAttributes
{
    public static readonly string[] Names =
        ["count", "os", "patch", "vcpus", "memory", "disk", "privileged", "cpu_shares", "memory_limit", "burst", "restart_priority", "runs"];

    public static readonly FrozenDictionary<string, int> Slots =
        Names.Select((name, slot) => (name, slot)).ToFrozenDictionary(p => p.name, p => p.slot, StringComparer.Ordinal);
}
