using System.Diagnostics;
using System.Globalization;
using VirtLang.Sweeps;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>sweep</c>: replications per second of examples/datacenter.vdl over 30 days (a variant with a 30-day scenario
/// appended, the example itself unchanged) on one thread and on every core, the speed-up, and that both give the same
/// aggregate bytes; then the peak working set of 1,000 and of 10,000 replications of a one-day scenario, which must not
/// grow with the replications (the aggregate keeps no summary). <c>--quick</c>: fewer replications of each.
/// </summary>
public static class SweepBench
{
    private const string Month = """

        scenario bench-month {
          duration = 30d
          step     = 1m
          seed     = 42
          at 2d..3d scale web 300%
          at 4d fail esx-01 for 2h
          at 4d12h crash billing-2
        }

        scenario bench-day {
          duration = 1d
          step     = 15m
          seed     = 42
          at 4h fail esx-01 for 2h
        }

        """;

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var model = MonthModel();
        var cache = Directory.CreateTempSubdirectory("vdl-bench-sweep-");
        try
        {
            var month = ReplicationRunner.Create(model, "bench-month", null, cache.FullName);
            var runs = quick ? 4 : 40;
            var rounds = quick ? 1 : 3;
            var cores = Environment.ProcessorCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep: examples/datacenter.vdl, 30 days at 1-minute steps, {runs} replications, {cores} cores, best of {rounds}"));
            _ = month.Run(0); // JIT and first-touch outside the timings
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            _ = month.Run(1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  one replication allocates {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6:F1} MB; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}"));
            // Best of a few rounds, one thread and all cores in turn: the machine is shared, and the ratio is what matters.
            var (oneSeconds, oneCpu, oneBytes) = (double.MaxValue, 0.0, Array.Empty<byte>());
            var (allSeconds, allCpu, allBytes) = (double.MaxValue, 0.0, Array.Empty<byte>());
            for (var round = 0; round < rounds; round++)
            {
                var one = Time(model, month, runs, 1);
                var all = Time(model, month, runs, cores);
                (oneSeconds, oneCpu, oneBytes) = one.Seconds < oneSeconds ? one : (oneSeconds, oneCpu, one.Json);
                (allSeconds, allCpu, allBytes) = all.Seconds < allSeconds ? all : (allSeconds, allCpu, all.Json);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  1 thread : {oneSeconds,7:F2} s, {runs / oneSeconds,6:F2} replications/s, {oneCpu / runs * 1000,5:F0} ms of CPU per replication"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cores} threads: {allSeconds,7:F2} s, {runs / allSeconds,6:F2} replications/s, {allCpu / runs * 1000,5:F0} ms of CPU per replication, speed-up {oneSeconds / allSeconds:F2}x (CPU busy {allCpu / allSeconds:F2} cores of {cores})"));
            Console.WriteLine($"  same aggregate bytes on 1 and {cores} threads: {oneBytes.AsSpan().SequenceEqual(allBytes)}");

            // The aggregate's memory: a short scenario, many replications; the peak must not grow with their number.
            var day = ReplicationRunner.Create(model, "bench-day", null, cache.FullName);
            foreach (var count in quick ? new[] { 200, 2_000 } : new[] { 1_000, 10_000 })
            {
                var (seconds, _, _) = Time(model, day, count, cores);
                using var process = Process.GetCurrentProcess();
                GC.Collect();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {count,6:N0} replications of 1 day: {seconds,6:F1} s, peak working set so far {process.PeakWorkingSet64 / 1e6:F0} MB, managed heap now {GC.GetTotalMemory(true) / 1e6:F1} MB"));
            }

            return oneBytes.AsSpan().SequenceEqual(allBytes) ? 0 : 1;
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    /// <summary>The datacenter example with the two scenarios above appended (the example itself unchanged).</summary>
    public static ModelBundle MonthModel()
    {
        var example = Path.Combine(FindRoot(), "examples", "datacenter.vdl");
        return new ModelBundle([new ModelBundleFile("datacenter-bench.vdl", File.ReadAllText(example) + Month, ModelBundleFileKind.Root)]);
    }

    /// <summary>Wall-clock seconds, the process's CPU seconds (all threads) and the aggregate's JSON of one sweep.</summary>
    private static (double Seconds, double CpuSeconds, byte[] Json) Time(ModelBundle model, ReplicationRunner runner, int runs, int threads)
    {
        var request = new SweepRequest(model, runner.Scenario.Name, null, runs);
        var aggregator = new SweepAggregator(SweepDescription.Of(request, runner));
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        new LocalSweepExecutor(threads).RunAsync(runner, [.. Enumerable.Range(0, runs)], s => aggregator.Add(s), null, CancellationToken.None)
            .GetAwaiter().GetResult();
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpu).TotalSeconds, SweepJsonWriter.ToBytes(aggregator.Finish(runner.ExpectationStatements)));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VirtLang.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("VirtLang.sln not found above " + AppContext.BaseDirectory);
    }
}
