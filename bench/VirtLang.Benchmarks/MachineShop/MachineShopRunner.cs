using System.Diagnostics;
using System.Globalization;
using VirtLang.Runtime.Kernel;

namespace VirtLang.Benchmarks.MachineShop;

/// <summary>
/// <c>machineshop [days]</c>: the model on our kernel, on the PriorityQueue baseline and on Sim# 3.4.2 when it was
/// built in (<c>-p:SimSharpSource=DIR</c>), seed 42, 3,650 days by default. Each runs three times, the three
/// interleaved round by round so that a busy moment of the machine falls on all of them, and the median counts. Prints
/// parts per machine, each kernel's median with the ratio of its time to ours, and as its last line
/// <c>machineshop: S s, N events, R events/s</c> for our kernel.
/// </summary>
public static class MachineShopRunner
{
    public const ulong Seed = 42;

    private const int Rounds = 3;

    public static int Run(string[] args)
    {
        var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3650;
        var until = days * SimTime.TicksPerDay;
        var contenders = Contenders();

        // Warm every kernel up on a short run so that none pays the JIT in its timing.
        foreach (var contender in contenders)
        {
            contender.Run(30);
        }

        var runs = contenders.Select(_ => new List<MachineShopRun>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                runs[c].Add(contenders[c].Run(days));
            }
        }

        var medians = runs.Select(r => r.OrderBy(run => run.Seconds).ElementAt(Rounds / 2)).ToArray();
        var ours = medians[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine Shop, {days:N0} days, seed {Seed}, median of {Rounds} interleaved runs of each kernel; load average {LoadAverage()}"));
        for (var i = 0; i < ours.PartsMade.Length; i++)
        {
            var others = string.Join("; ", contenders.Skip(1).Select((c, k) => string.Create(CultureInfo.InvariantCulture, $"{c.Name}: {medians[k + 1].PartsMade[i]:N0}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  machine {i}: {ours.PartsMade[i]:N0} parts ({others})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  mean {ours.PartsMade.Average():N0} parts per machine"));
        for (var c = 1; c < contenders.Length; c++)
        {
            var median = medians[c];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{contenders[c].Name}: {median.Seconds:F3} s ({Seconds(runs[c])}), {median.Events:N0} events, {median.Events / median.Seconds:N0} events/s; ours is {median.Seconds / ours.Seconds:F2}x faster"));
        }

#if !SIMSHARP
        Console.WriteLine("Sim# 3.4.2: not built. Its source is not part of this repository; to compare, fetch it and build it in:");
        Console.WriteLine("  git clone --branch v3.4.2 https://github.com/heal-research/SimSharp DIR");
        Console.WriteLine("  dotnet run -c Release --project bench/VirtLang.Benchmarks -p:SimSharpSource=DIR -- machineshop");
#endif
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machineshop: {ours.Seconds:F3} s ({Seconds(runs[0])}), {ours.Events:N0} events, {ours.Events / ours.Seconds:N0} events/s"));
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
        new("VirtLang kernel", days => Measure(new Simulation(), days)),
        new("baseline (PriorityQueue)", days => Measure(new PriorityQueueKernel(), days)),
#if SIMSHARP
        new("Sim# 3.4.2", days =>
        {
            var (parts, seconds, events) = SimSharpMachineShop.Run(days);
            return new MachineShopRun(parts, seconds, events);
        }),
#endif
    ];

    private static MachineShopRun Measure(IKernel kernel, int days)
    {
        var watch = Stopwatch.StartNew();
        var model = Simulate(kernel, days * SimTime.TicksPerDay);
        watch.Stop();
        return new MachineShopRun([.. model.Machines.Select(m => m.PartsMade)], watch.Elapsed.TotalSeconds, kernel.ProcessedEvents);
    }

    private static string Seconds(IEnumerable<MachineShopRun> runs) =>
        string.Join(", ", runs.Select(r => r.Seconds.ToString("F3", CultureInfo.InvariantCulture)));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private sealed record MachineShopContender(string Name, Func<int, MachineShopRun> Run);

    private sealed record MachineShopRun(long[] PartsMade, double Seconds, long Events);
}
