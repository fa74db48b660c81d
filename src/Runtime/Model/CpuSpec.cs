namespace VirtLang.Runtime.Model;

/// <summary>
/// A host's processors: the topology, the clock and the features a hypervisor needs. Capacity is in
/// <em>reference cores</em>, the unit of an application's <c>cpu</c> demand: one core of <see cref="ReferenceClockGHz"/>
/// with no sibling thread busy. <see cref="CapacityCores"/> is the one capacity function; the checker and the
/// simulator both call it.
/// </summary>
public sealed record CpuSpec(int Sockets, int CoresPerSocket, int ThreadsPerCore, double ClockGHz, CpuFeatures Features)
{
    /// <summary>
    /// The clock of a reference core (2.5 GHz), and of a <c>cpu</c> block that gives none. Capacity scales linearly
    /// with the clock: a simplification that holds within one microarchitecture, not across generations.
    /// </summary>
    public const double ReferenceClockGHz = 2.5;

    /// <summary>
    /// What a second hardware thread adds to a core when both are busy: 25 % (Intel's Hyper-Threading paper, Marr et al.
    /// 2002, reports up to 30 % on server workloads; measured gains range 15–30 %). Never a whole core.
    /// </summary>
    public const double DefaultSmtYield = 0.25;

    /// <summary>The yield of each extra hardware thread of a core (0 to 1); null: <see cref="DefaultSmtYield"/>.</summary>
    public double? SmtYield { get; init; }

    /// <summary>Hardware threads: what the host can schedule at once (the vCPU overcommit ratio is counted against them).</summary>
    public int LogicalCpus => Sockets * CoresPerSocket * ThreadsPerCore;

    public int PhysicalCores => Sockets * CoresPerSocket;

    /// <summary>How fast one core is in reference cores: clock ÷ reference clock (1 when the clock is not given).</summary>
    public double CoreSpeed => ClockGHz > 0 ? ClockGHz / ReferenceClockGHz : 1;

    /// <summary>
    /// The host's CPU capacity in reference cores: every core at its speed, plus the SMT yield of each extra thread.
    /// 8 cores × 2 threads at 2.5 GHz is 8 × 1.25 = 10 reference cores, not 16.
    /// </summary>
    public double CapacityCores => PhysicalCores * (1 + (Math.Max(0, ThreadsPerCore - 1) * (SmtYield ?? DefaultSmtYield))) * CoreSpeed;

    /// <summary>VT-x or AMD-V: what <c>acceleration = hardware</c> needs.</summary>
    public bool HasHardwareAssist => (Features & (CpuFeatures.Vtx | CpuFeatures.AmdV)) != 0;

    /// <summary>EPT or NPT: second-generation hardware assist, without which page faults trap to the hypervisor.</summary>
    public bool HasNestedPaging => (Features & (CpuFeatures.Ept | CpuFeatures.Npt)) != 0;
}
