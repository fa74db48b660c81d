using System.Diagnostics;
using System.Globalization;
using VirtLang.Compiler;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Syntax;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>check-scale</c>: models of 10k, 20k, 40k, 80k and 160k guests (10 per host): the parse, then binding and every
/// rule family on the parsed tree, then both from text; best of three.
/// The bar (issue 18): 10,000 hosts and 100,000 guests checked in under 400 ms after parsing, doubling the
/// model at most doubling the time.
/// </summary>
public static class CheckScale
{
    /// <param name="args">
    /// Optionally one guest count: that model alone, so the peak working set is its own; <c>--gc</c>: each collection
    /// during each check, as the runtime reports it.
    /// </param>
    public static int Run(string[] args)
    {
        using var gcLog = args.Contains("--gc") ? new GcEventLog() : null;
        args = [.. args.Where(a => a != "--gc")];
        var sizes = args.Length > 0 ? [int.Parse(args[0], CultureInfo.InvariantCulture)] : new[] { 10_000, 20_000, 40_000, 80_000, 100_000, 160_000 };
        // After the columns, the evidence for where a check's time goes (of the round with the best check):
        // its process CPU time (moves less than wall time on a shared machine), the collector's pauses during it,
        // the collections of each generation it caused, and the bytes it allocated.
        Console.WriteLine("guests  hosts   MB      parse ms  check ms  total ms  diagnostics  check cpu ms  gc pause ms  gen0  gen1  gen2  alloc MB");
        foreach (var guests in sizes)
        {
            var text = ModelGenerator.Generate(guests / 10, 10);
            var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["model.vdl"] = text });
            provider.TryRead("model.vdl", out var source, out _);

            // check: binding and every rule family on a tree already parsed (the "after parsing");
            // total: the same from text, parse included. Each timed after a full collection, best of three.
            double parse = double.MaxValue, check = double.MaxValue, total = double.MaxValue;
            var diagnostics = 0;
            var best = default(CheckCost);
            for (var round = 0; round < 3; round++)
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var tree = SyntaxTree.Parse(source!);
                parse = Math.Min(parse, watch.Elapsed.TotalMilliseconds);
                GC.Collect();
                var before = CheckCost.Now();
                gcLog?.Recording = true;
                watch.Restart();
                diagnostics = ModelCompilation.Create([tree], provider).Diagnostics.Length;
                var elapsed = watch.Elapsed.TotalMilliseconds;
                gcLog?.Recording = false;
                foreach (var line in gcLog?.Take() ?? [])
                {
                    Console.WriteLine($"  check round {round + 1}: {line}");
                }

                if (elapsed < check)
                {
                    check = elapsed;
                    best = CheckCost.Now() - before;
                }

                tree = null;
                GC.Collect();
                watch.Restart();
                GC.KeepAlive(ModelCompilation.Create([source!], provider));
                total = Math.Min(total, watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{guests,7:N0} {guests / 10,6:N0} {text.Length / 1e6,6:F1} {parse,9:F0} {check,9:F0} {total,9:F0}  {diagnostics,11}  {best.Cpu.TotalMilliseconds,12:F0}  {best.Pause.TotalMilliseconds,11:F0}  {best.Gen0,4}  {best.Gen1,4}  {best.Gen2,4}  {best.Allocated / 1e6,8:F0}"));
        }

        foreach (var (type, bytes) in gcLog?.TopAllocations(30) ?? [])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocated by checks (sampled): {bytes / 1e6,8:F1} MB  {type}"));
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check-scale: peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    /// <summary>Counters of the process, read before and after one check.</summary>
    private readonly record struct CheckCost(TimeSpan Cpu, TimeSpan Pause, int Gen0, int Gen1, int Gen2, long Allocated)
    {
        public static CheckCost Now()
        {
            using var process = Process.GetCurrentProcess();
            return new(process.TotalProcessorTime, GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true));
        }

        public static CheckCost operator -(CheckCost after, CheckCost before) =>
            new(after.Cpu - before.Cpu, after.Pause - before.Pause, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Allocated - before.Allocated);
    }
}
