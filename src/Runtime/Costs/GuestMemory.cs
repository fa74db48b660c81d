namespace VirtLang.Runtime.Costs;

/// <summary>
/// What one guest asks of its host's memory before the host reclaims anything: what it holds when the host has room
/// (<see cref="ConsumedBytes"/>), the part it really uses (<see cref="ActiveBytes"/>), and the hypervisor's own memory
/// for it. The checker and the simulator build these with the same factories and hand them to
/// <see cref="MemoryReclamation"/>, so both see the same memory.
/// </summary>
public readonly record struct GuestMemory
{
    /// <summary>
    /// What a guest OS keeps in use with no application: kernel, daemons, their hot caches. An assumption (512 MiB:
    /// the minimum Microsoft publishes for Windows Server Core; a server Linux idles in less, a desktop in more).
    /// </summary>
    public const long OsFootprintDefaultBytes = 512L << 20;

    /// <summary>Held when the host has room: a VM's configured memory (guests fill it with page cache).</summary>
    public long ConsumedBytes { get; init; }

    /// <summary>The working set: the applications' memory plus the guest OS's footprint, at most <see cref="ConsumedBytes"/>.</summary>
    public long ActiveBytes { get; init; }

    /// <summary>The guest OS's part of <see cref="ActiveBytes"/>: what page sharing can merge with guests of the same image.</summary>
    public long OsFootprintBytes { get; init; }

    /// <summary>The hypervisor's memory for this guest (monitor, process, domain state), never reclaimed.</summary>
    public long OverheadBytes { get; init; }

    /// <summary>The guest's OS image (OS and patch level); null when it shares pages with no one.</summary>
    public string? Image { get; init; }

    /// <summary>Whether the hypervisor can balloon its idle memory (a VM with a balloon driver on a host that balloons).</summary>
    public bool Balloonable { get; init; }

    /// <summary>
    /// A VM: it holds its configured memory and actively uses its applications' plus its OS's footprint. A VM given no
    /// memory (possible only from C#) holds what its applications use.
    /// </summary>
    public static GuestMemory VirtualMachine(long configuredBytes, long applicationBytes, long overheadBytes, string? image, bool balloonable)
    {
        if (configuredBytes <= 0)
        {
            return new GuestMemory { ConsumedBytes = applicationBytes, ActiveBytes = applicationBytes, OverheadBytes = overheadBytes, Balloonable = balloonable };
        }

        var footprint = Math.Min(OsFootprintDefaultBytes, configuredBytes);
        return new GuestMemory
        {
            ConsumedBytes = configuredBytes,
            ActiveBytes = Math.Min(configuredBytes, applicationBytes + footprint),
            OsFootprintBytes = footprint,
            OverheadBytes = overheadBytes,
            Image = image,
            Balloonable = balloonable,
        };
    }

    /// <summary>A container holds what its applications use, at most its limit: its kernel is the host's, so no footprint, balloon or sharing.</summary>
    public static GuestMemory Container(long? limitBytes, long applicationBytes, long overheadBytes)
    {
        var used = limitBytes is { } limit ? Math.Min(limit, applicationBytes) : applicationBytes;
        return new GuestMemory { ConsumedBytes = used, ActiveBytes = used, OverheadBytes = overheadBytes };
    }

    /// <summary>Applications on the host's own OS.</summary>
    public static GuestMemory Processes(long applicationBytes) =>
        new() { ConsumedBytes = applicationBytes, ActiveBytes = applicationBytes };

    /// <summary>The key of an OS image: guests with the same OS at the same patch level can share its pages.</summary>
    public static string? ImageOf(string? os, string? patch) => os is null ? null : patch is null ? os : os + "@" + patch;
}
