namespace VirtLang.Runtime.Costs;

/// <summary>
/// How a host under memory pressure takes memory back from its guests, in VMware's order (vSphere Resource
/// Management; Waldspurger, OSDI 2002): first page sharing between guests of the same OS image where the hypervisor
/// does it, then ballooning of idle memory (the guest OS gives up the pages it values least: page cache), and host
/// swapping last. The checker (VDL2007) and the simulator call this one function, so a model the checker passes
/// does not swap in the simulator. A host of unknown memory (0) is never under pressure.
/// </summary>
public static class MemoryReclamation
{
    /// <summary>
    /// The share of each additional same-image guest's OS footprint that page sharing merges. An assumption: VMware
    /// documents "more than thirty percent" of memory freed for many nearly identical VMs; half of a 512 MiB footprint
    /// is a quarter of a 1 GiB VM, inside that envelope (zero pages and shared application code are not modelled).
    /// </summary>
    public const double PageSharingFraction = 0.5;

    /// <summary>
    /// Reclaims what does not fit in <paramref name="capacityBytes"/> and writes what each guest gave up into
    /// <paramref name="reclaimed"/> (as long as <paramref name="guests"/>).
    /// </summary>
    public static HostMemoryOutcome Reclaim(long capacityBytes, long reservedBytes, bool pageSharing, ReadOnlySpan<GuestMemory> guests, Span<GuestReclaim> reclaimed)
    {
        if (reclaimed.Length < guests.Length)
        {
            throw new ArgumentException("one result per guest is needed", nameof(reclaimed));
        }

        var demand = (double)reservedBytes;
        var active = 0.0;
        var overhead = 0.0;
        foreach (var guest in guests)
        {
            demand += guest.ConsumedBytes + (double)guest.OverheadBytes;
            active += guest.ActiveBytes;
            overhead += guest.OverheadBytes;
        }

        var images = pageSharing ? ImageGroups(guests) : null;
        var shareable = 0.0;
        foreach (var guest in guests)
        {
            shareable += Shareable(guest, images);
        }

        reclaimed[..guests.Length].Clear();
        var need = capacityBytes > 0 ? demand - capacityBytes : 0;
        var outcome = new HostMemoryOutcome
        {
            DemandBytes = (long)demand,
            ActiveBytes = (long)active,
            GuestOverheadBytes = (long)overhead,
            ShareableBytes = (long)shareable,
        };
        if (need <= 0)
        {
            return outcome;
        }

        // (a) Page sharing: the same pages of the same OS kept once.
        var shared = Math.Min(need, shareable);
        var shareRatio = shareable > 0 ? shared / shareable : 0;
        need -= shared;

        // (b) Ballooning: idle memory (consumed beyond active) of the guests that have a balloon driver.
        var idle = 0.0;
        foreach (var guest in guests)
        {
            idle += guest.Balloonable ? guest.ConsumedBytes - guest.ActiveBytes : 0;
        }

        var ballooned = Math.Min(need, idle);
        var balloonRatio = idle > 0 ? ballooned / idle : 0;
        need -= ballooned;

        // (c) Host swapping of what is left: a ballooned guest's active memory; of the rest, all they hold, since the
        // hypervisor cannot tell their idle pages from their active ones.
        var pool = 0.0;
        for (var g = 0; g < guests.Length; g++)
        {
            pool += SwapPool(guests[g], Shareable(guests[g], images) * shareRatio);
        }

        var swapped = Math.Min(Math.Max(0, need), pool);
        var swapRatio = pool > 0 ? swapped / pool : 0;
        for (var g = 0; g < guests.Length; g++)
        {
            var guest = guests[g];
            var sharedHere = Shareable(guest, images) * shareRatio;
            var swapPool = SwapPool(guest, sharedHere);
            reclaimed[g] = new GuestReclaim
            {
                SharedBytes = (long)sharedHere,
                BalloonedBytes = guest.Balloonable ? (long)((guest.ConsumedBytes - guest.ActiveBytes) * balloonRatio) : 0,
                SwappedBytes = (long)(swapPool * swapRatio),
                SwappedFraction = swapPool > 0 ? swapRatio : 0,
            };
        }

        return outcome with { SharedBytes = (long)shared, BalloonedBytes = (long)ballooned, SwappedBytes = (long)swapped };
    }

    private static double SwapPool(in GuestMemory guest, double shared) =>
        Math.Max(0, (guest.Balloonable ? guest.ActiveBytes : guest.ConsumedBytes) - shared);

    /// <summary>
    /// A guest's part of what its image group can share: the group keeps one copy of its largest footprint, and
    /// <see cref="PageSharingFraction"/> of the others' is merged, split in proportion to each footprint.
    /// </summary>
    private static double Shareable(in GuestMemory guest, Dictionary<string, (double Sum, double Max)>? images)
    {
        if (images is null || guest.Image is null || guest.OsFootprintBytes <= 0)
        {
            return 0;
        }

        var (sum, max) = images[guest.Image];
        return PageSharingFraction * (sum - max) * guest.OsFootprintBytes / sum;
    }

    private static Dictionary<string, (double Sum, double Max)> ImageGroups(ReadOnlySpan<GuestMemory> guests)
    {
        var images = new Dictionary<string, (double Sum, double Max)>(StringComparer.Ordinal);
        foreach (var guest in guests)
        {
            if (guest.Image is not null && guest.OsFootprintBytes > 0)
            {
                var (sum, max) = images.GetValueOrDefault(guest.Image);
                images[guest.Image] = (sum + guest.OsFootprintBytes, Math.Max(max, guest.OsFootprintBytes));
            }
        }

        return images;
    }
}
