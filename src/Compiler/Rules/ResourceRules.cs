using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// VDL2xxx: guests fit their host under its cluster's overcommit policy, with the hypervisor's own memory counted
/// from the runtime's cost model (the simulator charges the same); no guest is larger than its host; applications fit
/// the place that runs them at their profile's peak.
/// </summary>
internal sealed class ResourceRules : IRuleFamily
{
    // Per compilation: a model's guests share a few sizes and OS images, and its hosts one reclamation buffer.
    private readonly GuestSpecCache _specs = new();
    private readonly Dictionary<(string Os, string? Patch), string> _images = [];
    private readonly List<GuestMemory> _memories = [];
    private GuestReclaim[] _reclaimed = [];

    public string Name => "resource";

    public void Check(RuleContext context)
    {
        foreach (var host in context.Model.Hosts)
        {
            CheckMemory(context, host, _specs);
            CheckCpu(context, host);
            CheckGuestSizes(context, host);
            CheckDisk(context, host);
            CheckContainerLimits(context, host);
            CheckActiveMemory(context, host);
        }

        foreach (var placement in context.Placements)
        {
            CheckDemand(context, placement);
        }
    }

    /// <summary>
    /// What a guest holds of its host's memory: a VM its configured memory; a container what its applications use (at
    /// most its limit). A limit is a cap, not a reservation: limits past the host are VDL2006, a warning.
    /// </summary>
    public static double HeldMemory(GuestSymbol guest)
    {
        if (guest.IsVm)
        {
            return guest.MemoryBytes;
        }

        var used = guest.Runs.Sum(a => a.MemoryBytes);
        return guest.MemoryLimitBytes is { } limit ? Math.Min(limit, used) : used;
    }

    /// <summary>The hypervisor's memory for itself and per guest, as the simulator charges it.</summary>
    public static double Overhead(HostSymbol host) => Overhead(host, new GuestSpecCache());

    private static double Overhead(HostSymbol host, GuestSpecCache specs)
    {
        var costs = host.Costs;
        var mode = host.Mode;
        var overhead = (double)costs.ReservedMemoryBytes;
        var guests = host.Guests;
        for (var i = 0; i < guests.Count; i++)
        {
            var guest = guests[i];
            GuestSpec spec = guest.IsVm ? specs.Vm(guest, (int)Math.Min(int.MaxValue, guest.Vcpus)) : specs.Container(guest);
            overhead += costs.GuestOverheadBytes(spec, mode) * (double)guest.Copies;
        }

        return overhead;
    }

    private static void CheckMemory(RuleContext context, HostSymbol host, GuestSpecCache specs)
    {
        if (host.MemoryBytes <= 0)
        {
            return;
        }

        // Loops, not Sum over lambdas: this runs for every host, and the additions are the same, in the same order.
        var guests = 0.0;
        var all = host.Guests;
        for (var i = 0; i < all.Count; i++)
        {
            guests += HeldMemory(all[i]) * all[i].Copies;
        }

        guests += host.Runs.Sum(a => a.MemoryBytes);
        var overhead = Overhead(host, specs);
        var allowed = host.MemoryBytes * host.MemoryOvercommit;
        if (guests + overhead <= allowed)
        {
            return;
        }

        var what = host.Guests.Count > 0 ? $"guests {Amounts.Bytes(guests)}" : $"applications {Amounts.Bytes(guests)}";
        var has = host.MemoryOvercommit == 1
            ? $"{Amounts.Bytes(host.MemoryBytes)} (memory_overcommit 1.0)"
            : $"{Amounts.Bytes(host.MemoryBytes)} x memory_overcommit {Amounts.Number(host.MemoryOvercommit)} = {Amounts.Bytes(allowed)}";
        context.Report(CompilerDiagnostics.HostMemory, host.Declaration,
            [host.Display, Amounts.Bytes(guests + overhead), what, Amounts.Bytes(overhead), has, string.Empty],
            new RelatedLocation(host.Where("memory"), $"the memory of `{host.Name}`"));
    }

    /// <summary>
    /// What each guest of <paramref name="host"/> asks of its memory, one entry per copy, built exactly as the simulator
    /// builds them (<see cref="GuestMemory"/>); the host's own applications come last, as one claimant. Written into
    /// <paramref name="memories"/>, cleared first (one list serves every host).
    /// </summary>
    private void GuestMemories(HostSymbol host, List<GuestMemory> memories)
    {
        var costs = host.Costs;
        var mode = host.Mode;
        var balloonable = host.BalloonsIdleMemory;
        memories.Clear();
        var guests = host.Guests;
        for (var i = 0; i < guests.Count; i++)
        {
            var guest = guests[i];
            var applications = 0L;
            var runs = guest.Runs;
            for (var a = 0; a < runs.Count; a++)
            {
                applications += (long)runs[a].MemoryBytes;
            }

            GuestMemory memory;
            if (guest.IsVm)
            {
                var spec = _specs.Vm(guest, (int)Math.Clamp(guest.Vcpus, 1, int.MaxValue));
                memory = GuestMemory.VirtualMachine(spec.MemoryBytes, applications, costs.GuestOverheadBytes(spec, mode), ImageOf(guest.Os?.Name, guest.Patch), balloonable);
            }
            else
            {
                var overhead = costs.GuestOverheadBytes(_specs.Container(guest), mode);
                memory = GuestMemory.Container(guest.MemoryLimitBytes is { } limit ? (long)limit : null, applications, overhead);
            }

            for (var k = 0L; k < guest.Copies; k++)
            {
                memories.Add(memory);
            }
        }

        if (host.Runs.Count > 0)
        {
            memories.Add(GuestMemory.Processes(host.Runs.Sum(a => (long)a.MemoryBytes)));
        }
    }

    /// <summary><see cref="GuestMemory.ImageOf"/>, made once per OS and patch level rather than once per guest.</summary>
    private string? ImageOf(string? os, string? patch)
    {
        if (os is null)
        {
            return null;
        }

        if (!_images.TryGetValue((os, patch), out var image))
        {
            _images[(os, patch)] = image = GuestMemory.ImageOf(os, patch)!;
        }

        return image;
    }

    /// <summary>
    /// VDL2007: the simulator's own reclamation (<see cref="MemoryReclamation"/>) would swap: what the guests actively
    /// use (or, where nothing balloons, all they hold), after page sharing, plus the overheads, is more than the host has.
    /// </summary>
    private void CheckActiveMemory(RuleContext context, HostSymbol host)
    {
        if (host.MemoryBytes <= 0)
        {
            return;
        }

        var memories = _memories;
        GuestMemories(host, memories);
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(memories);
        if (_reclaimed.Length < span.Length)
        {
            _reclaimed = new GuestReclaim[Math.Max(span.Length, _reclaimed.Length * 2)];
        }

        var outcome = MemoryReclamation.Reclaim((long)host.MemoryBytes, host.Costs.ReservedMemoryBytes, host.PageSharing, span, _reclaimed.AsSpan(0, span.Length));
        if (outcome.SwappedBytes <= 0)
        {
            return;
        }

        var unballooned = memories.Where(m => !m.Balloonable && m.ConsumedBytes > m.ActiveBytes).Sum(m => m.ConsumedBytes - m.ActiveBytes);
        var what = unballooned > 0
            ? $"active memory {Amounts.Bytes(outcome.ActiveBytes)} and {Amounts.Bytes(unballooned)} of idle memory that nothing balloons"
            : $"active memory {Amounts.Bytes(outcome.ActiveBytes)}";
        context.Report(CompilerDiagnostics.ActiveMemorySwaps, host.Declaration,
            [host.Display, Amounts.Bytes(outcome.SwappedBytes), what, outcome.SharedBytes > 0 ? $", less {Amounts.Bytes(outcome.SharedBytes)} of page sharing," : string.Empty,
                Amounts.Bytes(host.Costs.ReservedMemoryBytes + outcome.GuestOverheadBytes), Amounts.Bytes(host.MemoryBytes)],
            new RelatedLocation(host.Where("memory"), $"the memory of `{host.Name}`"));
    }

    private static void CheckCpu(RuleContext context, HostSymbol host)
    {
        var vcpus = 0L;
        var guests = host.Guests;
        for (var i = 0; i < guests.Count; i++)
        {
            vcpus += guests[i].IsVm ? guests[i].Vcpus * guests[i].Copies : 0;
        }

        var allowed = host.LogicalCpus * host.CpuOvercommit;
        if (vcpus == 0 || host.LogicalCpus == 0 || vcpus <= allowed)
        {
            return;
        }

        context.Report(CompilerDiagnostics.HostCpu, host.Declaration,
            [host.Display, Amounts.Count(vcpus, "vCPU"), Amounts.Count(host.LogicalCpus, "logical CPU"), Amounts.Number(host.CpuOvercommit), Amounts.Count((long)Math.Floor(allowed), "vCPU")],
            new RelatedLocation(host.Cluster?.Where("cpu_overcommit") ?? host.Declaration,
                host.Cluster is null ? "a host in no cluster has cpu_overcommit 4.0" : $"the policy of cluster `{host.Cluster.Name}`"));
    }

    private static void CheckGuestSizes(RuleContext context, HostSymbol host)
    {
        var guests = host.Guests;
        for (var i = 0; i < guests.Count; i++)
        {
            var guest = guests[i];
            if (!guest.IsVm)
            {
                continue;
            }

            if (host.LogicalCpus > 0 && guest.Vcpus > host.LogicalCpus)
            {
                context.Report(CompilerDiagnostics.GuestLargerThanHost, guest.Where("vcpus"),
                    [$"vm `{guest.Name}`", Amounts.Count(guest.Vcpus, "vCPU"), host.Name, Amounts.Count(host.LogicalCpus, "logical CPU"), "a vCPU is at most one logical CPU, whatever the overcommit"]);
            }

            if (host.MemoryBytes > 0 && guest.MemoryBytes > host.MemoryBytes)
            {
                context.Report(CompilerDiagnostics.GuestLargerThanHost, guest.Where("memory"),
                    [$"vm `{guest.Name}`", $"{Amounts.Bytes(guest.MemoryBytes)} of memory", host.Name, Amounts.Bytes(host.MemoryBytes), "one guest cannot be larger than its host, whatever the overcommit"]);
            }
        }
    }

    private static void CheckDisk(RuleContext context, HostSymbol host)
    {
        var capacity = host.Disks.Sum(d => d.CapacityBytes);
        var wanted = 0.0;
        var guests = host.Guests;
        for (var i = 0; i < guests.Count; i++)
        {
            wanted += guests[i].DiskBytes * guests[i].Copies;
        }

        if (capacity <= 0 || wanted <= capacity)
        {
            return;
        }

        context.Report(CompilerDiagnostics.HostDisk, host.Declaration,
            [host.Display, Amounts.Bytes(wanted), $"{Amounts.Bytes(capacity)} ({string.Join(", ", host.Disks.Select(d => $"{d.Name} {Amounts.Bytes(d.CapacityBytes)}"))})"],
            [.. host.Disks.Select(d => new RelatedLocation(d.Declaration, $"disk `{d.Name}`"))]);
    }

    private static void CheckContainerLimits(RuleContext context, HostSymbol host)
    {
        var limits = 0.0;
        var guests = host.Guests;
        for (var i = 0; i < guests.Count; i++)
        {
            if (guests[i] is { IsContainer: true, MemoryLimitBytes: { } limit } container)
            {
                limits += limit * container.Copies;
            }
        }

        if (host.MemoryBytes > 0 && limits > host.MemoryBytes)
        {
            context.Report(CompilerDiagnostics.ContainerLimits, host.Declaration, [host.Display, Amounts.Bytes(limits), Amounts.Bytes(host.MemoryBytes)]);
        }
    }

    private static void CheckDemand(RuleContext context, Placement placement)
    {
        var app = placement.App;
        var vm = placement.Guest is { IsVm: true } guest ? guest : null;
        // In reference cores: a vCPU is at most one core at the host's speed.
        var cpu = vm is null ? placement.Host.CapacityCores : vm.Vcpus * placement.Host.Cpu.CoreSpeed;
        if (cpu > 0 && app.PeakCpu > cpu + 1e-9)
        {
            var cpuWhat = vm is null ? AdviceRules.Capacity(placement.Host) : $"{Amounts.Count(vm.Vcpus, "vCPU")} ({Amounts.Cores(cpu)} at the host's clock)";
            context.Report(CompilerDiagnostics.DemandTooLarge, placement.Entry,
                [$"app `{app.Name}`", $"{Amounts.Cores(app.PeakCpu)} ({Amounts.Number(app.Cpu)} x {Amounts.Percent(app.ProfilePeak)} peak)", placement.Display, cpuWhat],
                new RelatedLocation(app.View.Child("demand").Where("cpu"), $"the demand of `{app.Name}`"));
        }

        var (memory, memoryWhat) = placement.Guest switch
        {
            { IsVm: true } g => (g.MemoryBytes, "memory"),
            { IsContainer: true, MemoryLimitBytes: { } limit } => (limit, "memory_limit"),
            _ => (placement.Host.MemoryBytes, "memory"),
        };
        if (memory > 0 && app.MemoryBytes > memory)
        {
            context.Report(CompilerDiagnostics.DemandTooLarge, placement.Entry,
                [$"app `{app.Name}`", $"{Amounts.Bytes(app.MemoryBytes)} of memory", placement.Display, $"{Amounts.Bytes(memory)} ({memoryWhat})"],
                new RelatedLocation(app.View.Child("demand").Where("memory"), $"the demand of `{app.Name}`"));
        }
    }
}
