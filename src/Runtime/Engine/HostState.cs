using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// A host during a run, and the event target of its per-step sampling: every step it samples the demand of each
/// instance on it, allocates its CPU among its guests and records what happened. The cost grows with hosts × steps
/// × instances, never with pairs of guests.
/// </summary>
internal sealed class HostState : IEventTarget
{
    public const int HistogramBins = 1000;
    private const int StepEvent = 0;
    private static readonly double NoiseScale = Math.Sqrt(6);

    private readonly SimulationRun _run;
    private readonly double[] _cpuFactor = new double[3];
    private readonly double[] _slowdown = new double[3];
    private double[] _want = [];
    private double[] _weight = [];
    private double[] _allotted = [];
    private int _step;
    private bool _memoryDirty = true;
    private long _memoryUsed;

    public HostState(SimulationRun run, HostSpec spec, int index)
    {
        _run = run;
        Spec = spec;
        Index = index;
        Cost = VirtualizationCostModel.For(spec.Hypervisor);
        Mode = Cost.ModeOf(spec.Hypervisor.Acceleration, spec.Cpu);
        for (var io = 0; io < 3; io++)
        {
            _cpuFactor[io] = Cost.CpuFactor((IoClass)io, Mode);
            _slowdown[io] = Cost.Slowdown((IoClass)io, Mode);
        }

        Patch = spec.Patch;
        Random = new RandomStream(run.Scenario.Seed, (ulong)index);
        Histogram = new int[HistogramBins + 1];
    }

    public HostSpec Spec { get; }

    public int Index { get; }

    public VirtualizationCostModel Cost { get; }

    public AccelerationMode Mode { get; }

    public List<GuestState> Guests { get; } = [];

    public int DownReasons { get; set; }

    public bool IsUp => DownReasons == 0;

    public long DownSince { get; set; } = -1;

    public long DowntimeTicks { get; set; }

    public string? Patch { get; set; }

    public RandomStream Random { get; }

    // Totals over the run.
    public double UtilizationSum { get; private set; }

    public double MaxUtilization { get; private set; }

    public int[] Histogram { get; }

    public float[] Series { get; private set; } = [];

    public double StealCoreHours { get; private set; }

    public double VmWantCoreHours { get; private set; }

    public double MemoryUsedSum { get; private set; }

    public long MaxMemoryUsed { get; private set; }

    public double EnergyKilowattHours { get; private set; }

    /// <summary>
    /// Allocates the series and schedules the first step. Called once every host, guest and instance exists, so
    /// that the objects the step walks lie together in memory and the cold series arrays come after them.
    /// </summary>
    public void Start()
    {
        Series = _run.Options.RecordSeries ? new float[_run.Steps] : [];
        _run.Kernel.Schedule(0, this, StepEvent, SimulationRun.StepPriority);
    }

    public void MemoryChanged() => _memoryDirty = true;

    /// <summary>Brings the guests' resident memory up to date now (an event before the first step needs it).</summary>
    public void RefreshMemory()
    {
        if (_memoryDirty)
        {
            RecomputeMemory();
        }
    }

    public void Handle(int kind)
    {
        Sample();
        _step++;
        if (_step < _run.Steps)
        {
            _run.Kernel.Schedule(_run.Scenario.Step, this, StepEvent, SimulationRun.StepPriority);
        }
    }

    private void Sample()
    {
        var now = _run.Kernel.Now;
        if (_memoryDirty)
        {
            RecomputeMemory();
        }

        var guests = Guests;
        var n = guests.Count;
        if (_want.Length < n)
        {
            _want = new double[n];
            _weight = new double[n];
            _allotted = new double[n];
        }

        var capacity = (double)Spec.Cpu.LogicalCpus;
        var upWeight = 0.0;
        var busy = 0;
        for (var g = 0; g < n; g++)
        {
            var guest = guests[g];
            var sum = 0.0;
            var work = 0.0;
            foreach (var instance in guest.Instances)
            {
                var app = instance.Application;
                var noise = 1 + ((Random.NextDouble() + Random.NextDouble() - 1) * NoiseScale * _run.Scenario.Noise);
                var demand = app.Spec.Cpu * app.Spec.Profile.Level(now, instance.Seed) * app.Scale * noise;
                demand = demand > 0 ? demand : 0;
                instance.Demand = demand;
                sum += demand;
                work += demand * _cpuFactor[instance.IoIndex];
            }

            guest.DemandSum = sum;
            guest.HostWork = work;
            if (guest.IsUp && IsUp)
            {
                upWeight += guest.Weight;
                if (sum > 0)
                {
                    busy++;
                }
            }
        }

        capacity *= 1 - Math.Min(1, Cost.SchedulingLossPerBusyGuest * busy);
        for (var g = 0; g < n; g++)
        {
            var guest = guests[g];
            _weight[g] = guest.Weight;
            if (!guest.IsUp || !IsUp || guest.DemandSum <= 0)
            {
                _want[g] = 0;
                continue;
            }

            // A VM gets at most its vCPUs and a container at most its limit (in guest cores); a container without
            // burst at most its share of the host.
            var want = guest.DemandSum > guest.CpuCap ? guest.HostWork * (guest.CpuCap / guest.DemandSum) : guest.HostWork;
            if (!guest.Burst && guest.Kind == GuestKind.Container)
            {
                want = Math.Min(want, capacity * guest.Weight / upWeight);
            }

            _want[g] = want;
        }

        CpuAllocator.Share(_want.AsSpan(0, n), _weight.AsSpan(0, n), capacity, _allotted.AsSpan(0, n));

        var hours = _run.StepHours;
        var used = 0.0;
        for (var g = 0; g < n; g++)
        {
            var guest = guests[g];
            var allotted = _allotted[g];
            used += allotted;
            var up = guest.IsUp && IsUp;

            // Everything in a guest scales together: the fraction of its host work it got is the fraction of each
            // instance's demand delivered.
            var fraction = up && guest.HostWork > 0 ? allotted / guest.HostWork : (up ? 1 : 0);
            if (guest.Kind == GuestKind.VirtualMachine && up && guest.HostWork > 0)
            {
                var perCore = guest.HostWork / guest.DemandSum;
                StealCoreHours += (_want[g] - allotted) / perCore * hours;
                VmWantCoreHours += _want[g] / perCore * hours;
            }

            foreach (var instance in guest.Instances)
            {
                var app = instance.Application;
                var demand = instance.Demand;
                app.Demand += demand * hours;
                if (!up)
                {
                    continue;
                }

                app.Delivered += demand * fraction * hours;
                if (demand > 0 && fraction > 0)
                {
                    // Time-dependent costs (binary translation's code-cache warm-up) multiply the step's slowdown.
                    app.SlowdownWeighted += _slowdown[instance.IoIndex] / fraction * guest.SwapSlowdown * guest.CodeCacheSlowdown(now, _run.Options.Timings) * demand;
                    app.SlowdownWeight += demand;
                }
            }
        }

        var utilization = IsUp ? Math.Min(1, used / Spec.Cpu.LogicalCpus) : 0;
        UtilizationSum += utilization;
        MaxUtilization = Math.Max(MaxUtilization, utilization);
        Histogram[(int)(utilization * HistogramBins)]++;
        if (Series.Length > 0)
        {
            Series[_step] = (float)utilization;
        }

        if (IsUp)
        {
            EnergyKilowattHours += Spec.Power.WattsAt(utilization) * hours / 1000;
            MemoryUsedSum += _memoryUsed;
        }

        _run.Fingerprint.Add(now, SimulationRun.StepFingerprintKind, Index);
        _run.Fingerprint.Add((long)Math.Round(utilization * 1e9));
    }

    private void RecomputeMemory()
    {
        _memoryDirty = false;
        var guestsTotal = 0L;
        foreach (var guest in Guests)
        {
            var own = guest.Spec switch
            {
                VirtualMachineSpec vm => vm.MemoryBytes > 0 ? vm.MemoryBytes : guest.AppMemoryBytes,
                ContainerSpec { MemoryLimitBytes: { } limit } => Math.Min(limit, guest.AppMemoryBytes),
                _ => guest.AppMemoryBytes,
            };
            guest.ResidentBytes = own + (guest.Spec is null ? 0 : Cost.GuestOverheadBytes(guest.Spec, Mode));
            guestsTotal += guest.ResidentBytes;
        }

        _memoryUsed = Cost.ReservedMemoryBytes + guestsTotal;
        MaxMemoryUsed = Math.Max(MaxMemoryUsed, _memoryUsed);

        // Overcommit: what does not fit is taken from every guest in proportion to its memory (ballooning and host
        // swapping spread it); applications that want more than their VM or container has swap inside it.
        var hostOverflow = guestsTotal > 0 ? Math.Max(0, _memoryUsed - Spec.MemoryBytes) / (double)guestsTotal : 0;
        foreach (var guest in Guests)
        {
            var room = guest.Spec switch
            {
                VirtualMachineSpec { MemoryBytes: > 0 } vm => vm.MemoryBytes,
                ContainerSpec { MemoryLimitBytes: { } limit } => limit,
                _ => long.MaxValue,
            };
            var inner = guest.AppMemoryBytes > room ? (guest.AppMemoryBytes - room) / (double)guest.AppMemoryBytes : 0;
            guest.SwapSlowdown = 1 + (_run.Options.SwapPenalty * Math.Min(1, inner + hostOverflow));
        }
    }
}
