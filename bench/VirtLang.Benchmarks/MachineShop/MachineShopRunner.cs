using System.Diagnostics;
using System.Globalization;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Benchmarks.MachineShop;

/// <summary>
/// <c>machineshop [days]</c>: the model on the baseline, then on our kernel (seed 42, 3,650 days by default). Prints
/// parts per machine and, as its last line, <c>machineshop: S s, N events, R events/s</c> for our kernel.
/// </summary>
public static class MachineShopRunner
{
    public const ulong Seed = 42;

    public static int Run(string[] args)
    {
        var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3650;
        var until = days * SimTime.TicksPerDay;

        // Warm both up on a short run so that neither pays the JIT in its timing.
        RunOurs(SimTime.TicksPerDay * 30);
        RunBaseline(SimTime.TicksPerDay * 30);

        var (baseline, baselineSeconds, baselineEvents) = RunBaseline(until);
        var (ours, seconds, events) = RunOurs(until);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Machine Shop, {days:N0} days, seed {Seed}"));
        for (var i = 0; i < ours.Machines.Count; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  machine {i}: {ours.Machines[i].PartsMade:N0} parts (baseline kernel: {baseline.Machines[i].PartsMade:N0})"));
        }

        var mean = ours.Machines.Average(m => m.PartsMade);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  mean {mean:N0} parts per machine; repairs {ours.Repairman.RepairsDone:N0}; other jobs {ours.Repairman.OtherJobsDone:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"baseline (PriorityQueue): {baselineSeconds:F3} s, {baselineEvents:N0} events, {baselineEvents / baselineSeconds:N0} events/s; ours is {baselineSeconds / seconds:F2}x faster"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machineshop: {seconds:F3} s, {events:N0} events, {events / seconds:N0} events/s"));
        return 0;
    }

    /// <summary>Builds the model on <paramref name="kernel"/> and runs it to <paramref name="until"/>.</summary>
    public static MachineShopModel Simulate(IKernel kernel, long until)
    {
        var model = new MachineShopModel(kernel, Seed);
        model.Start();
        kernel.RunUntil(until);
        return model;
    }

    private static (MachineShopModel Model, double Seconds, long Events) RunOurs(long until) => Measure(new Simulation(), until);

    private static (MachineShopModel Model, double Seconds, long Events) RunBaseline(long until) => Measure(new PriorityQueueKernel(), until);

    private static (MachineShopModel Model, double Seconds, long Events) Measure(IKernel kernel, long until)
    {
        var watch = Stopwatch.StartNew();
        var model = Simulate(kernel, until);
        return (model, watch.Elapsed.TotalSeconds, kernel.ProcessedEvents);
    }
}
