using VirtLang.Compiler.Symbols;

namespace VirtLang.Planning;

/// <summary>One placed machine: POOL-k and the instances on it, in the plan's order of applications and replicas.</summary>
public sealed record PlacedHost(string Name, PoolSymbol Pool, IReadOnlyList<PlacedInstance> Instances);

/// <summary>One instance on a placed machine, with the guest the writer gives it.</summary>
public sealed record PlacedInstance(ApplicationSymbol App, long Replica, long Vcpus, long VmMemoryBytes, OsSymbol? GuestOs, string? GuestPatch)
{
    /// <summary>A container's cpu_shares: its peak in hundredths of a reference core (at least 1).</summary>
    public long Shares { get; init; } = 1;
}

/// <summary>What <c>vdl plan</c> found: the machines, how they compare with the bound, and how the search ended.</summary>
public sealed class PlanResult
{
    public required PlanSymbol Plan { get; init; }

    public required IReadOnlyList<PlacedHost> Hosts { get; init; }

    /// <summary>Machines used per pool, in the plan's order of pools.</summary>
    public required IReadOnlyList<(PoolSymbol Pool, int Hosts)> HostsPerPool { get; init; }

    /// <summary>
    /// Machines first-fit-decreasing used: what the solver must never be worse than; null when it found no plan and
    /// the exact search found one (a tight plan).
    /// </summary>
    public required int? FirstFitHosts { get; init; }

    /// <summary>The proven lower bound on machines.</summary>
    public required int LowerBound { get; init; }

    /// <summary>(hosts − bound) ÷ hosts: 0 when the plan is proven to use the fewest machines.</summary>
    public double Gap => Hosts.Count == 0 ? 0 : (Hosts.Count - LowerBound) / (double)Hosts.Count;

    public required PlanStatus Status { get; init; }

    /// <summary>Why the plan is not smaller: the resource or rule closest to its limit on the placed machines.</summary>
    public required string Binding { get; init; }

    /// <summary>Energy of the placed machines over the horizon, in kWh, from the buckets' CPU (linear power model).</summary>
    public required double EnergyKilowattHours { get; init; }

    /// <summary>Mean CPU utilization of the placed machines over the horizon's buckets (of their capacity, not the target).</summary>
    public required double MeanUtilization { get; init; }

    /// <summary>The 95th percentile of the machines' utilization over every machine and bucket.</summary>
    public required double P95Utilization { get; init; }

    /// <summary>The cost model's slowdown without contention, weighted by each instance's mean CPU.</summary>
    public required double MeanSlowdown { get; init; }

    /// <summary>Seconds the solver ran (0: it did not).</summary>
    public required double SolverSeconds { get; init; }

    /// <summary>True when the wall clock, not the deterministic limit, ended the search: the result may differ run to run.</summary>
    public required bool ClockStopped { get; init; }
}
