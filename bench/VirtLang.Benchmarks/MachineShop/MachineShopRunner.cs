using System.Diagnostics;
using System.Globalization;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Benchmarks.MachineShop;

/// <summary>
/// <c>machineshop [days]</c>: the model on our kernel, on the PriorityQueue baseline and on Sim# 3.4.2 when it was
/// built in (<c>-p:SimSharpSource=DIR</c>), seed 42, 3,650 days by default. Each runs three times, the three
/// interleaved round by round so that a busy moment of the machine falls on all of them, and the median counts. Only
/// the run is timed (not building the model), by the wall clock and by the CPU time of the process, which a busy
/// machine inflates less. Prints parts per machine, each kernel's medians with the ratio of its time to ours, and as
/// its last line <c>machineshop: S s, N events, R events/s</c> for our kernel.
/// </summary>
public static class MachineShopRunner
{
    public const ulong Seed = 42;

    private const int Rounds = 3;

    public static int Run(string[] args)
    {
        var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3650;
        var contenders = Contenders();

        // Warm every kernel up on a short run so that none pays the JIT in its timing.
        foreach (var contender in contenders)
        {
            Measure(contender.Prepare(30));
        }

        var runs = contenders.Select(_ => new List<MachineShopRun>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                runs[c].Add(Measure(contenders[c].Prepare(days)));
            }
        }

        var medians = runs.Select(Median).ToArray();
        var ours = medians[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine Shop, {days:N0} days, seed {Seed}, median of {Rounds} interleaved runs of each kernel; load average {LoadAverage()}"));
        for (var i = 0; i < ours.PartsMade.Length; i++)
        {
            var others = string.Join("; ", contenders.Skip(1).Select((c, k) => string.Create(CultureInfo.InvariantCulture, $"{c.Name}: {medians[k + 1].PartsMade[i]:N0}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  machine {i}: {ours.PartsMade[i]:N0} parts ({others})"));
        }

        var otherMeans = string.Join("; ", contenders.Skip(1).Select((c, k) => string.Create(CultureInfo.InvariantCulture, $"{c.Name}: {medians[k + 1].PartsMade.Average():N0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  mean {ours.PartsMade.Average():N0} parts per machine ({otherMeans})"));
        for (var c = 1; c < contenders.Length; c++)
        {
            var median = medians[c];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{contenders[c].Name}: {Describe(median, runs[c])}; ours is {median.Seconds / ours.Seconds:F2}x faster (CPU time {median.CpuSeconds / ours.CpuSeconds:F2}x)"));
        }

#if !SIMSHARP
        Console.WriteLine("Sim# 3.4.2: not built. Its source is not part of this repository; to compare, fetch it and build it in:");
        Console.WriteLine("  git clone --branch v3.4.2 https://github.com/heal-research/SimSharp DIR");
        Console.WriteLine("  dotnet run -c Release --project bench/VirtLang.Benchmarks -p:SimSharpSource=DIR -- machineshop");
#endif
        Console.WriteLine("machineshop: " + Describe(ours, runs[0]));
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

    /// <summary>Ours first: every ratio is against it.</summary>
    private static MachineShopContender[] Contenders() =>
    [
        new("VirtLang kernel", days => OnKernel(new Simulation(), days)),
        new("baseline (PriorityQueue)", days => OnKernel(new PriorityQueueKernel(), days)),
#if SIMSHARP
        new("Sim# 3.4.2", days =>
        {
            var (run, partsMade, events) = SimSharpMachineShop.Prepare(days);
            return new PreparedShop(run, partsMade, events);
        }),
#endif
    ];

    private static PreparedShop OnKernel(IKernel kernel, int days)
    {
        var model = new MachineShopModel(kernel, Seed);
        model.Start();
        return new PreparedShop(
            () => kernel.RunUntil(days * SimTime.TicksPerDay),
            () => [.. model.Machines.Select(m => m.PartsMade)],
            () => kernel.ProcessedEvents);
    }

    private static MachineShopRun Measure(PreparedShop shop)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = ProcessCpuSeconds();
        var watch = Stopwatch.StartNew();
        shop.Run();
        watch.Stop();
        return new MachineShopRun(shop.PartsMade(), watch.Elapsed.TotalSeconds, ProcessCpuSeconds() - cpu, shop.Events());
    }

    // The middle run by wall time; its CPU time is the median of the CPU times, taken separately.
    private static MachineShopRun Median(List<MachineShopRun> runs) =>
        runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2) with { CpuSeconds = runs.Select(r => r.CpuSeconds).Order().ElementAt(runs.Count / 2) };

    private static string Describe(MachineShopRun median, List<MachineShopRun> runs) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{median.Seconds:F3} s ({string.Join(", ", runs.Select(r => r.Seconds.ToString("F3", CultureInfo.InvariantCulture)))}), CPU {median.CpuSeconds:F3} s, {median.Events:N0} events, {median.Events / median.Seconds:N0} events/s");

    private static double ProcessCpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private sealed record MachineShopContender(string Name, Func<int, PreparedShop> Prepare);

    /// <summary>A model built on one kernel, ready to run; what it made is read after the run.</summary>
    private sealed record PreparedShop(Action Run, Func<long[]> PartsMade, Func<long> Events);

    private sealed record MachineShopRun(long[] PartsMade, double Seconds, double CpuSeconds, long Events);
}
