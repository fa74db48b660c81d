using System.Runtime.InteropServices;
using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

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
    private static readonly double NoiseScale = ScenarioSpec.NoiseScale;

    private readonly SimulationRun _run;

    // The run's settings the step reads, copied here once: the step runs hosts × steps times.
    private readonly double _noise;
    private readonly double _hours;
    private readonly bool _queueingOn;
    private readonly FaultTimings _timings;
    private readonly double[] _guestFactor = new double[3];
    private readonly double _coreSpeed;
    private readonly QueueingCurve _queueing;
    private readonly double _diskOpsCapacity;
    private readonly double _diskBytesCapacity;
    private readonly double _networkBitsCapacity;
    private readonly double _idleWatts;
    private readonly double _wattsRange;
    private readonly double _schedulingLossPerBusyGuest;
    private readonly bool _ioOnDriverDomain;
    private readonly bool _copyEveryStep;
    private readonly int _utilizationBatch;

    // The step's view of the guests and instances, in step order (GuestStep, InstanceStep), and the guests' weights
    // for the CPU's share: copied from the objects again only when something copied has changed.
    private GuestStep[] _guestSteps = [];
    private InstanceStep[] _instanceSteps = [];
    private double[] _weight = [];
    private int _instanceCount;
    private bool _stepDataDirty = true;
    private int _step;
    private UtilizationBuffer _utilizations;
    private int _buffered;
    private bool _memoryDirty = true;
    private long _memoryUsed;
    private GuestMemory[] _memory = [];
    private GuestReclaim[] _reclaimed = [];

    public HostState(SimulationRun run, HostSpec spec, int index)
    {
        _run = run;
        _noise = run.Scenario.Noise;
        _hours = run.StepHours;
        _queueingOn = run.Options.Queueing;
        _timings = run.Options.Timings;
        Spec = spec;
        Index = index;
        Cost = VirtualizationCostModel.For(spec.Hypervisor);
        Mode = Cost.ModeOf(spec.Hypervisor.Acceleration, spec.Cpu);
        for (var io = 0; io < 3; io++)
        {
            _guestFactor[io] = Cost.GuestCpuFactor((IoClass)io, Mode);
        }

        IoPath = Cost.IoPathOf(Mode);
        KernelEntryCosts = Cost.KernelEntryCostsOf(Mode);
        CapacityCores = spec.Cpu.CapacityCores;
        _queueing = run.QueueingCurve(CapacityCores);
        _coreSpeed = spec.Cpu.CoreSpeed;

        // A device that does not say its capacity does not bound: 0 is unbounded, and so is a set with any such device.
        _diskOpsCapacity = spec.Disks.All(d => d.Iops > 0) ? spec.Disks.Sum(d => d.Iops) : 0;
        _diskBytesCapacity = spec.Disks.All(d => d.BytesPerSecond > 0) ? spec.Disks.Sum(d => d.BytesPerSecond) : 0;
        _networkBitsCapacity = spec.Nics.All(n => n.BitsPerSecond > 0) ? spec.Nics.Sum(n => n.BitsPerSecond) : 0;
        _idleWatts = spec.Power.IdleWatts;
        _wattsRange = spec.Power.MaxWatts - spec.Power.IdleWatts;
        _schedulingLossPerBusyGuest = Cost.SchedulingLossPerBusyGuest;
        _ioOnDriverDomain = IoPath.Worker == IoWorker.DriverDomain;
        _copyEveryStep = run.Options.CopyStepDataEveryStep;
        _utilizationBatch = run.Options.WriteUtilizationsEveryStep ? 1 : UtilizationBuffer.Length;

        Patch = spec.Patch;
        Random = new RandomStream(run.Scenario.Seed, (ulong)index);
    }

    public HostSpec Spec { get; }

    public int Index { get; }

    /// <summary>Its site's index in <see cref="SiteFailover.Names"/> (0: no site, or a topology without sites).</summary>
    public int SiteIndex { get; set; }

    public VirtualizationCostModel Cost { get; }

    public AccelerationMode Mode { get; }

    /// <summary>What the virtualization layer adds per I/O operation on this host, and who does it.</summary>
    public IoPath IoPath { get; }

    /// <summary>What the virtualization layer adds per system call, page fault and fork on this host.</summary>
    public KernelEntryCosts KernelEntryCosts { get; }

    /// <summary>The host's CPU in reference cores (<see cref="CpuSpec.CapacityCores"/>).</summary>
    public double CapacityCores { get; }

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

    /// <summary>Steps by utilization, in bins of 1/<see cref="HistogramBins"/>: complete after the last step (the steps write theirs a batch at a time).</summary>
    public int[] Histogram { get; private set; } = [];

    /// <summary>Each step's utilization, when the run records it: complete after the last step, as <see cref="Histogram"/>.</summary>
    public float[] Series { get; private set; } = [];

    public double StealCoreHours { get; private set; }

    public double VmWantCoreHours { get; private set; }

    public double MemoryUsedSum { get; private set; }

    public long MaxMemoryUsed { get; private set; }

    // Memory reclamation, each the largest over the run (docs/simulation.md, "Memory").
    public long MaxGuestOverhead { get; private set; }

    public long MaxActive { get; private set; }

    public long MaxShared { get; private set; }

    public long MaxBallooned { get; private set; }

    public long MaxSwapped { get; private set; }

    public double EnergyKilowattHours { get; private set; }

    /// <summary>Reference-core hours of the layer's I/O work (device emulation, back-end drivers), done by <see cref="IoPath"/>'s worker.</summary>
    public double IoCoreHours { get; private set; }

    public double DiskUtilizationSum { get; private set; }

    public double MaxDiskUtilization { get; private set; }

    public double NetworkUtilizationSum { get; private set; }

    /// <summary>What live migrations in flight send through this host's NICs now, as source or target.</summary>
    public double MigrationBitsPerSecond { get; set; }

    public double MaxNetworkUtilization { get; private set; }

    /// <summary>Steps at which a disk or NIC was asked for more than it can do.</summary>
    public int DeviceSaturatedSteps { get; private set; }

    /// <summary>
    /// Allocates what the step walks every time (<see cref="GuestStep"/>, <see cref="InstanceStep"/>, the guests'
    /// weights). Called for every host, in step order, before any host's <see cref="Start"/>: so each host's hot data
    /// lies in one piece, the hosts' one after another, and the cold series and histograms after all of them.
    /// </summary>
    public void AllocateStepData() => EnsureStepData(Guests.Count, Guests.Sum(g => g.Instances.Length));

    /// <summary>Allocates the series and the histogram and schedules the first step. Called once every host, guest and instance exists.</summary>
    public void Start()
    {
        Series = _run.Options.RecordSeries ? new float[_run.Steps] : [];
        Histogram = new int[HistogramBins + 1];
        _run.Kernel.Schedule(0, this, StepEvent, SimulationRun.StepPriority);
    }

    /// <summary>Its guests changed (one left or arrived): their memory, and what the step copies of them.</summary>
    public void MemoryChanged()
    {
        _memoryDirty = true;
        _stepDataDirty = true;
    }

    /// <summary>Something the step copies of a guest or an instance here changed (up or down, a cold code cache).</summary>
    public void StepDataChanged() => _stepDataDirty = true;

    /// <summary>For the tests: whether the step's copies are up to date, and the copies.</summary>
    internal bool StepDataCurrent => !_stepDataDirty;

    internal ReadOnlySpan<GuestStep> GuestSteps => _guestSteps.AsSpan(0, Guests.Count);

    internal ReadOnlySpan<InstanceStep> InstanceSteps => _instanceSteps.AsSpan(0, _instanceCount);

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

    /// <summary>
    /// The guest's own host CPU per unit of an instance's native work: its class's figure, plus what this host's
    /// technique adds to the system calls, page faults and forks it states (all of it on its own CPU, waited for).
    /// <see cref="VirtualizationCostModel.GuestCpuFactor(IoClass, KernelEntryRates, AccelerationMode)"/> with the
    /// class's figure cached, and nothing added for the many instances that state no entries.
    /// </summary>
    private double GuestFactor(InstanceState instance)
    {
        var factor = _guestFactor[instance.IoIndex];
        return instance.HasKernelEntries ? factor + KernelEntryCosts.CpuPerCore(instance.KernelEntriesPerCore) : factor;
    }

    /// <summary>Gives <paramref name="instance"/> its costs on this host (<see cref="InstanceState.PriceOn"/>): once, and again after each move here.</summary>
    private void Price(InstanceState instance) =>
        instance.PriceOn(this, GuestFactor(instance), IoPath.CpuPerCore(instance.OperationsPerCore), IoPath.Delay(instance.OperationsPerCore));

    /// <summary>
    /// Draws this step's demand of every instance on the host, up or down: <c>cpu × profile(t) × scale(t) × noise</c>.
    /// When load shift may move demand, the run calls it for every host before any host shares its CPU, so that a down
    /// instance's demand can go to its siblings on other hosts; else the host's step draws the same numbers itself, in
    /// its first pass (<see cref="Sample"/>). Either way the draws come from this host's own stream, in the same order.
    /// </summary>
    public void SampleDemand(long now)
    {
        var random = Random;
        foreach (var guest in CollectionsMarshal.AsSpan(Guests))
        {
            foreach (var instance in guest.Instances)
            {
                var noise = 1 + ((random.NextDouble() + random.NextDouble() - 1) * NoiseScale * _noise);
                var demand = instance.Application.DemandBeforeNoise(now, instance.Seed) * noise;
                demand = demand > 0 ? demand : 0;
                instance.Demand = demand;

                // An instance that failed on its own serves nothing, though its guest runs (load shift, when on, moves its demand).
                instance.Load = instance.DownReasons == 0 ? demand : 0;
            }
        }
    }

    private void EnsureStepData(int guests, int instances)
    {
        if (_guestSteps.Length < guests)
        {
            _guestSteps = new GuestStep[guests];
            _weight = new double[guests];
        }

        if (_instanceSteps.Length < instances)
        {
            _instanceSteps = new InstanceStep[instances];
        }
    }

    /// <summary>Copies what the step reads of its guests and instances into <see cref="_guestSteps"/> and <see cref="_instanceSteps"/>, pricing any instance new here.</summary>
    private void RebuildStepData()
    {
        _stepDataDirty = false;
        var guests = CollectionsMarshal.AsSpan(Guests);
        var count = 0;
        foreach (var guest in guests)
        {
            count += guest.Instances.Length;
        }

        EnsureStepData(guests.Length, count);
        _instanceCount = count;
        var next = 0;
        for (var g = 0; g < guests.Length; g++)
        {
            var guest = guests[g];
            ref var step = ref _guestSteps[g];
            step.FirstInstance = next;
            step.InstanceCount = guest.Instances.Length;
            step.Up = guest.IsUp;
            step.VirtualMachine = guest.Kind == GuestKind.VirtualMachine;
            step.Capped = !guest.Burst && guest.Kind == GuestKind.Container;
            step.Privileged = guest.Privileged;
            step.WarmsUp = guest.Kind == GuestKind.VirtualMachine && Mode == AccelerationMode.BinaryTranslation;
            step.Weight = guest.Weight;
            step.CapCores = guest.CpuCap * _coreSpeed;
            step.SwapSlowdown = guest.SwapSlowdown;
            step.CodeCacheColdSince = guest.CodeCacheColdSince;
            _weight[g] = guest.Weight;
            foreach (var instance in guest.Instances)
            {
                if (instance.PricedOn != this)
                {
                    Price(instance);
                }

                ref var i = ref _instanceSteps[next++];
                i.Application = instance.Application;
                i.Seed = instance.Seed;
                i.Up = instance.DownReasons == 0;
                i.CpuFactor = instance.CpuFactor;
                i.LayerCpuPerCore = instance.LayerCpuPerCore;
                i.Alone = instance.Alone;
                i.OperationsPerCore = instance.OperationsPerCore;
                i.DiskOpsPerCore = instance.IoPerCore.DiskOpsPerSecond;
                i.DiskBytesPerCore = instance.IoPerCore.DiskBytesPerSecond;
                i.NetworkBitsPerCore = instance.IoPerCore.NetworkBitsPerSecond;
            }
        }

        // Nothing kept alive past its stay here.
        _instanceSteps.AsSpan(next).Clear();
    }

    private void Sample()
    {
        var now = _run.Kernel.Now;
        var drawnForAll = _run.BeginStep(now);
        if (_memoryDirty)
        {
            RecomputeMemory();
        }

        if (_stepDataDirty || _copyEveryStep)
        {
            RebuildStepData();
        }

        // Nothing adds or removes a guest during the step.
        var n = Guests.Count;
        var guests = _guestSteps.AsSpan(0, n);
        var instances = _instanceSteps;
        var stepScratch = _run.StepScratch;
        stepScratch.Ensure(n, _instanceCount);
        var guestScratch = stepScratch.Guests.AsSpan(0, n);
        var wants = stepScratch.Want;
        var allotments = stepScratch.Allotted;
        var demands = stepScratch.Demand;
        var loads = stepScratch.Load;
        var draws = stepScratch.Draws;
        if (!drawnForAll)
        {
            // Every draw of the step at once, in the order SampleDemand takes them: two per instance, guest by guest.
            Random.FillPairSums(draws.AsSpan(0, _instanceCount));
        }
        else
        {
            var k = 0;
            foreach (var guest in CollectionsMarshal.AsSpan(Guests))
            {
                foreach (var instance in guest.Instances)
                {
                    demands[k] = instance.Demand;
                    loads[k] = instance.Load;
                    k++;
                }
            }
        }

        // 1. Demand: each instance's work, the guest's own host CPU for it, the layer's I/O work and the device load.
        // Unless the run drew every host's demand first (load shift), each instance's is drawn here, from this host's
        // stream in the same order as SampleDemand draws it.
        var hostUp = IsUp;
        var upWeight = 0.0;
        var busy = 0;

        // I/O rates summed field by field, in the order IoRates' operators add them.
        double loadDiskOps = 0, loadDiskBytes = 0, loadNetworkBits = 0;
        var driverDomain = -1;
        var driverDomainModelled = false;
        for (var g = 0; g < n; g++)
        {
            ref var guest = ref guests[g];
            ref var scratch = ref guestScratch[g];
            var sum = 0.0;
            var work = 0.0;
            var ioWork = 0.0;
            double diskOps = 0, diskBytes = 0, networkBits = 0;
            var last = guest.FirstInstance + guest.InstanceCount;
            for (var k = guest.FirstInstance; k < last; k++)
            {
                ref var instance = ref instances[k];
                if (!drawnForAll)
                {
                    var noise = 1 + ((draws[k] - 1) * NoiseScale * _noise);
                    var drawn = instance.Application.DemandBeforeNoise(now, instance.Seed) * noise;
                    drawn = drawn > 0 ? drawn : 0;
                    demands[k] = drawn;

                    // An instance that failed on its own serves nothing, though its guest runs.
                    loads[k] = instance.Up ? drawn : 0;
                }

                // What the instance serves this step: its own demand, and its share of its down siblings' (load shift).
                var demand = loads[k];
                sum += demand;
                work += demand * instance.CpuFactor;
                if (instance.OperationsPerCore > 0 && demand > 0)
                {
                    diskOps += instance.DiskOpsPerCore * demand;
                    diskBytes += instance.DiskBytesPerCore * demand;
                    networkBits += instance.NetworkBitsPerCore * demand;
                    ioWork += demand * instance.LayerCpuPerCore;
                }
            }

            // A cold binary-translation cache is real work: the VMM translates guest code again, so the guest asks
            // the host for that much more CPU (and contends for it), besides running slower.
            scratch.WarmUp = guest.WarmsUp ? GuestState.CodeCacheSlowdown(guest.CodeCacheColdSince, now, _timings) : 1;
            scratch.DemandSum = sum;
            scratch.HostWork = work * scratch.WarmUp;
            scratch.DiskOps = diskOps;
            scratch.DiskBytes = diskBytes;
            scratch.NetworkBits = networkBits;

            // The driver domain owns the real drivers: its own applications' I/O costs no layer work.
            scratch.IoWork = guest.Privileged ? 0 : ioWork;
            driverDomainModelled |= guest.Privileged;
            if (guest.Up && hostUp)
            {
                upWeight += guest.Weight;
                loadDiskOps += diskOps;
                loadDiskBytes += diskBytes;
                loadNetworkBits += networkBits;
                if (sum > 0)
                {
                    busy++;
                }

                if (guest.Privileged)
                {
                    driverDomain = g;
                }
            }
        }

        // 2. Devices: a device asked for more than it can do serves every request in proportion, so a guest that uses
        // it progresses at most that fast (and asks for no more CPU than that progress needs).
        var diskUtilization = Math.Max(Ratio(loadDiskOps, _diskOpsCapacity), Ratio(loadDiskBytes, _diskBytesCapacity));
        var networkUtilization = Ratio(loadNetworkBits + MigrationBitsPerSecond, _networkBitsCapacity);
        var diskServed = diskUtilization > 1 ? 1 / diskUtilization : 1;
        // Migrations go at the pace their links were given (MigrationLinks leaves the guests at least the rest of a NIC):
        // the guests share what the migrations leave.
        var guestNetwork = _networkBitsCapacity - MigrationBitsPerSecond;
        var networkServed = networkUtilization > 1 && loadNetworkBits > guestNetwork ? Math.Max(0, guestNetwork) / loadNetworkBits : 1;
        var layerAsked = 0.0;
        for (var g = 0; g < n; g++)
        {
            ref var guest = ref guests[g];
            ref var scratch = ref guestScratch[g];
            var share = 1.0;
            if (scratch.DiskOps > 0 || scratch.DiskBytes > 0)
            {
                share = diskServed;
            }

            if (scratch.NetworkBits > 0)
            {
                share = Math.Min(share, networkServed);
            }

            scratch.DeviceShare = share;
            if (guest.Up && hostUp)
            {
                layerAsked += scratch.IoWork * share;
            }
        }

        // 3. The layer's I/O work: a driver domain asks for it as a guest (capped by its vCPUs, shared like any guest);
        // a hypervisor or a hosted VMM's process serves it ahead of the guests' vCPUs. With the driver domain down,
        // no guest's I/O is served.
        var capacity = CapacityCores;
        var onDriverDomain = _ioOnDriverDomain && driverDomainModelled;
        var ioServed = 1.0;
        var layerTakenFirst = 0.0;
        if (onDriverDomain)
        {
            ioServed = driverDomain < 0 ? 0 : 1;
        }
        else if (layerAsked > 0)
        {
            layerTakenFirst = Math.Min(layerAsked, capacity);
            ioServed = layerTakenFirst / layerAsked;
            capacity -= layerTakenFirst;
        }

        capacity *= 1 - Math.Min(1, _schedulingLossPerBusyGuest * busy);
        var driverDomainAsked = 0.0;
        for (var g = 0; g < n; g++)
        {
            ref var guest = ref guests[g];
            ref var scratch = ref guestScratch[g];
            var extra = onDriverDomain && g == driverDomain ? layerAsked : 0;
            if (!guest.Up || !hostUp || (scratch.DemandSum <= 0 && extra <= 0))
            {
                wants[g] = 0;
                continue;
            }

            // A VM's vCPUs, or a container's limit, each run at most one core: its cap in reference cores is that
            // many cores at the host's speed. A container without burst gets at most its share of the host.
            var asked = (scratch.HostWork * scratch.DeviceShare) + extra;
            var want = Math.Min(asked, guest.CapCores);
            if (guest.Capped)
            {
                want = Math.Min(want, capacity * guest.Weight / upWeight);
            }

            if (extra > 0)
            {
                driverDomainAsked = asked;
            }

            wants[g] = want;
        }

        CpuAllocator.Share(wants.AsSpan(0, n), _weight.AsSpan(0, n), capacity, allotments.AsSpan(0, n));

        // 4. What each guest got: the fraction of its work delivered, bounded by its devices and by the I/O path. The
        // driver domain's back-ends get the same share of what it asked for as its own work.
        var layerUsed = 0.0;
        if (onDriverDomain && driverDomainAsked > 0)
        {
            ioServed = allotments[driverDomain] / driverDomainAsked;
            layerUsed = layerAsked * ioServed;
        }

        var used = 0.0;
        for (var g = 0; g < n; g++)
        {
            ref var guest = ref guests[g];
            ref var scratch = ref guestScratch[g];
            used += allotments[g];
            var up = guest.Up && hostUp;
            var fraction = up && scratch.HostWork > 0 ? Math.Min(1, allotments[g] / scratch.HostWork) : (up ? 1 : 0);
            if (onDriverDomain && g == driverDomain)
            {
                fraction = Math.Min(fraction, ioServed);
            }

            if (up && scratch.IoWork > 0)
            {
                fraction = Math.Min(fraction, ioServed);
                if (!onDriverDomain)
                {
                    layerUsed += scratch.IoWork * fraction;
                }
            }

            scratch.Fraction = fraction;
        }

        if (!onDriverDomain)
        {
            used += Math.Min(layerUsed, layerTakenFirst);
        }

        var utilization = hostUp ? Math.Min(1, used / CapacityCores) : 0;

        // 5. Delivered work and slowdown: the guest's own factor, the I/O path's delay, what it was not given, swapping,
        // and the queueing behind the rest of a busy host.
        var hours = _hours;
        for (var g = 0; g < n; g++)
        {
            ref var guest = ref guests[g];
            ref var scratch = ref guestScratch[g];
            var allotted = allotments[g];
            var up = guest.Up && hostUp;
            var fraction = scratch.Fraction;
            if (guest.VirtualMachine && up && scratch.HostWork > 0 && scratch.DemandSum > 0)
            {
                var perCore = scratch.HostWork / scratch.DemandSum;
                var asked = Math.Min(wants[g], scratch.HostWork);
                StealCoreHours += Math.Max(0, asked - Math.Min(allotted, asked)) / perCore * hours;
                VmWantCoreHours += asked / perCore * hours;
            }

            // A guest queues for cores behind the rest of the host, not behind itself: a job alone on a host runs at
            // its own pace, and the busier its neighbours, the longer it waits.
            var queueing = 1.0;
            if (up && scratch.DemandSum > 0 && _queueingOn)
            {
                var own = allotted + (onDriverDomain ? 0 : scratch.IoWork * fraction);
                queueing = _queueing.Factor((used - own) / CapacityCores);
            }

            var last = guest.FirstInstance + guest.InstanceCount;
            for (var k = guest.FirstInstance; k < last; k++)
            {
                ref var instance = ref instances[k];
                var app = instance.Application;

                // Demand is counted where it arises; what is delivered, where it is served (the instance's load).
                app.Demand += demands[k] * hours;
                var demand = loads[k];
                if (!up)
                {
                    continue;
                }

                app.Delivered += demand * fraction * hours;
                if (demand > 0 && fraction > 0)
                {
                    // Time-dependent costs (binary translation's code-cache warm-up) multiply the step's slowdown.
                    var alone = instance.Alone;
                    app.SlowdownWeighted += alone / fraction * guest.SwapSlowdown * queueing * scratch.WarmUp * demand;
                    app.SlowdownWeight += demand;
                }
            }
        }

        UtilizationSum += utilization;
        MaxUtilization = Math.Max(MaxUtilization, utilization);
        _utilizations[_buffered++] = utilization;
        if (_buffered == _utilizationBatch || _step == _run.Steps - 1)
        {
            WriteUtilizations();
        }

        if (hostUp)
        {
            EnergyKilowattHours += (_idleWatts + (_wattsRange * utilization)) * hours / 1000;
            MemoryUsedSum += _memoryUsed;
            IoCoreHours += layerUsed * hours;
            DiskUtilizationSum += Math.Min(1, diskUtilization);
            MaxDiskUtilization = Math.Max(MaxDiskUtilization, Math.Min(1, diskUtilization));
            NetworkUtilizationSum += Math.Min(1, networkUtilization);
            MaxNetworkUtilization = Math.Max(MaxNetworkUtilization, Math.Min(1, networkUtilization));
            if (diskUtilization > 1 || networkUtilization > 1)
            {
                DeviceSaturatedSteps++;
            }
        }

        _run.Fingerprint.Add(now, SimulationRun.StepFingerprintKind, Index);
        _run.Fingerprint.Add((long)Math.Round(utilization * 1e9));
    }

    /// <summary>The buffered steps' utilizations into the histogram and the series; the last step writes the rest.</summary>
    private void WriteUtilizations()
    {
        var first = _step + 1 - _buffered;
        for (var i = 0; i < _buffered; i++)
        {
            var utilization = _utilizations[i];
            Histogram[(int)(utilization * HistogramBins)]++;
            if (Series.Length > 0)
            {
                Series[first + i] = (float)utilization;
            }
        }

        _buffered = 0;
    }

    private static double Ratio(double asked, double capacity) => capacity > 0 ? asked / capacity : 0;

    private void RecomputeMemory()
    {
        _memoryDirty = false;

        // It sets the guests' swap slowdown, which the step copies.
        _stepDataDirty = true;
        var guests = Guests;
        var n = guests.Count;
        if (_memory.Length < n)
        {
            _memory = new GuestMemory[n];
            _reclaimed = new GuestReclaim[n];
        }

        var balloonable = Cost.HasBalloonDriver && (Spec.Hypervisor.Ballooning ?? true);
        for (var g = 0; g < n; g++)
        {
            var guest = guests[g];
            var overhead = guest.Spec is null ? 0 : Cost.GuestOverheadBytes(guest.Spec, Mode);
            _memory[g] = guest.Spec switch
            {
                VirtualMachineSpec vm => GuestMemory.VirtualMachine(vm.MemoryBytes, guest.AppMemoryBytes, overhead, GuestMemory.ImageOf(guest.Os?.Name, guest.Patch), balloonable),
                ContainerSpec container => GuestMemory.Container(container.MemoryLimitBytes, guest.AppMemoryBytes, overhead),
                _ => GuestMemory.Processes(guest.AppMemoryBytes),
            };
            guest.ResidentBytes = _memory[g].ConsumedBytes + overhead;
        }

        var outcome = MemoryReclamation.Reclaim(Spec.MemoryBytes, Cost.ReservedMemoryBytes, Spec.Hypervisor.PageSharing, _memory.AsSpan(0, n), _reclaimed.AsSpan(0, n));
        _memoryUsed = outcome.DemandBytes;
        MaxMemoryUsed = Math.Max(MaxMemoryUsed, _memoryUsed);
        MaxGuestOverhead = Math.Max(MaxGuestOverhead, outcome.GuestOverheadBytes);
        MaxActive = Math.Max(MaxActive, outcome.ActiveBytes);
        MaxShared = Math.Max(MaxShared, outcome.SharedBytes);
        MaxBallooned = Math.Max(MaxBallooned, outcome.BalloonedBytes);
        MaxSwapped = Math.Max(MaxSwapped, outcome.SwappedBytes);

        // Ballooned idle memory costs a little (the guest drops page cache); host-swapped memory costs a lot; and
        // applications that want more than their VM or container has swap inside it.
        for (var g = 0; g < n; g++)
        {
            var guest = guests[g];
            var room = guest.Spec switch
            {
                VirtualMachineSpec { MemoryBytes: > 0 } vm => vm.MemoryBytes,
                ContainerSpec { MemoryLimitBytes: { } limit } => limit,
                _ => long.MaxValue,
            };
            var inner = guest.AppMemoryBytes > room ? (guest.AppMemoryBytes - room) / (double)guest.AppMemoryBytes : 0;
            var reclaimed = _reclaimed[g];
            var consumed = _memory[g].ConsumedBytes;
            var balloon = consumed > 0 ? 1 + (_run.Options.BalloonPenalty * reclaimed.BalloonedBytes / consumed) : 1;
            guest.SwapSlowdown = balloon * (1 + (_run.Options.SwapPenalty * Math.Min(1, inner + reclaimed.SwappedFraction)));
        }
    }
}
