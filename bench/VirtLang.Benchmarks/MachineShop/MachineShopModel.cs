using VirtLang.Runtime.Kernel;

namespace VirtLang.Benchmarks.MachineShop;

/// <summary>
/// The Machine Shop of SimPy's documentation (also Sim#'s benchmark): machines make parts, break down, and one
/// repairman fixes them, pre-empting his other jobs. Written once against <see cref="IScheduler"/>, so that the same
/// model runs on our kernel and on the baseline.
/// </summary>
public sealed class MachineShopModel
{
    public const int MachineCount = 10;
    public const double ProcessingMeanMinutes = 10.0;
    public const double ProcessingSigmaMinutes = 2.0;
    public const double MeanTimeToFailureMinutes = 300.0;
    public const double RepairMinutes = 30.0;
    public const double OtherJobMinutes = 30.0;

    public MachineShopModel(IScheduler scheduler, ulong seed)
    {
        Repairman = new Repairman(scheduler);
        Machines = [.. Enumerable.Range(0, MachineCount).Select(i => new Machine(scheduler, Repairman, seed, i))];
    }

    public Repairman Repairman { get; }

    public IReadOnlyList<Machine> Machines { get; }

    public void Start()
    {
        Repairman.Start();
        foreach (var machine in Machines)
        {
            machine.Start();
        }
    }
}

/// <summary>A machine: works on a part (Normal(10, 2) minutes), breaks down at Exponential(mean 300) intervals (ignored while broken), waits for repair, resumes its part.</summary>
public sealed class Machine(IScheduler scheduler, Repairman repairman, ulong seed, int number) : IEventTarget
{
    private const int PartDone = 0;
    private const int Breakdown = 1;

    private readonly RandomStream _processing = new(seed, (ulong)(2 * number));
    private readonly RandomStream _failures = new(seed, (ulong)((2 * number) + 1));
    private long _remaining;
    private long _workStart;
    private EventHandle _completion;
    private bool _broken;

    public int Number { get; } = number;

    public long PartsMade { get; private set; }

    public void Start()
    {
        _remaining = NextPartTime();
        StartWork();
        scheduler.Schedule(SimTime.FromMinutes(_failures.Exponential(MachineShopModel.MeanTimeToFailureMinutes)), this, Breakdown);
    }

    public void Handle(int kind)
    {
        if (kind == PartDone)
        {
            PartsMade++;
            _remaining = NextPartTime();
            StartWork();
            return;
        }

        // Breakdown: the next one is already on its way, whatever happens to this one.
        scheduler.Schedule(SimTime.FromMinutes(_failures.Exponential(MachineShopModel.MeanTimeToFailureMinutes)), this, Breakdown);
        if (_broken)
        {
            return;
        }

        _broken = true;
        scheduler.Cancel(_completion);
        _remaining -= scheduler.Now - _workStart;
        repairman.RequestRepair(this);
    }

    /// <summary>Called by the repairman when the repair is done: the interrupted part resumes where it stopped.</summary>
    public void Repaired()
    {
        _broken = false;
        StartWork();
    }

    private void StartWork()
    {
        _workStart = scheduler.Now;
        _completion = scheduler.Schedule(_remaining, this, PartDone);
    }

    // A normal variate below zero (five sigmas) is taken as zero rather than as time running backwards.
    private long NextPartTime() =>
        Math.Max(0, SimTime.FromMinutes(_processing.Normal(MachineShopModel.ProcessingMeanMinutes, MachineShopModel.ProcessingSigmaMinutes)));
}

/// <summary>The one repairman: repairs machines first come, first served, each taking 30 minutes; between repairs he works on other jobs of 30 minutes, which a repair pre-empts and which resume afterwards.</summary>
public sealed class Repairman(IScheduler scheduler) : IEventTarget
{
    private const int RepairDone = 0;
    private const int OtherJobDone = 1;

    private readonly Queue<Machine> _waiting = new();
    private Machine? _repairing;
    private long _otherRemaining;
    private long _otherStart;
    private EventHandle _otherJob;

    public long RepairsDone { get; private set; }

    public long OtherJobsDone { get; private set; }

    public void Start()
    {
        _otherRemaining = SimTime.FromMinutes(MachineShopModel.OtherJobMinutes);
        ResumeOtherJob();
    }

    public void RequestRepair(Machine machine)
    {
        if (_repairing is not null)
        {
            _waiting.Enqueue(machine);
            return;
        }

        // Pre-empt the other job: it keeps the work it has left.
        scheduler.Cancel(_otherJob);
        _otherRemaining -= scheduler.Now - _otherStart;
        StartRepair(machine);
    }

    public void Handle(int kind)
    {
        if (kind == OtherJobDone)
        {
            OtherJobsDone++;
            _otherRemaining = SimTime.FromMinutes(MachineShopModel.OtherJobMinutes);
            ResumeOtherJob();
            return;
        }

        RepairsDone++;
        var repaired = _repairing!;
        _repairing = null;
        repaired.Repaired();
        if (_waiting.Count > 0)
        {
            StartRepair(_waiting.Dequeue());
        }
        else
        {
            ResumeOtherJob();
        }
    }

    private void StartRepair(Machine machine)
    {
        _repairing = machine;
        scheduler.Schedule(SimTime.FromMinutes(MachineShopModel.RepairMinutes), this, RepairDone);
    }

    private void ResumeOtherJob()
    {
        _otherStart = scheduler.Now;
        _otherJob = scheduler.Schedule(_otherRemaining, this, OtherJobDone);
    }
}
