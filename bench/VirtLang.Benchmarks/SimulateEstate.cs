using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VirtLang.Compiler;
using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>simulate-estate [lines] [--runs N]</c>: the simulation alone of run-scale's 50,000-line model (543 hosts, one day
/// at 1-minute steps), in process: the model loaded once, then <c>Simulator.Run</c> N times (default 6); the second
/// half of the runs is counted, as process CPU time (the machine is shared: wall time is shown but is not the figure).
/// Prints a hash of the result's JSON so that two builds can be compared for the same bits.
/// </summary>
public static class SimulateEstate
{
    public static int Run(string[] args)
    {
        var lines = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var runs = Math.Max(2, args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(6));
        var text = RunScale.OneDay(RunScale.ModelOfLines(lines));
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["estate.vdl"] = text });
        provider.TryRead("estate.vdl", out var source, out _);
        var compilation = ModelCompilation.Create([source!], provider);
        var cache = Directory.CreateTempSubdirectory("vdl-simulate-estate-");
        try
        {
            var model = ModelHost.Load(compilation, cache.FullName);
            var scenario = ScenarioSpec.FirstOrBaseline(model.Scenarios);
            var counted = runs / 2;
            var process = Process.GetCurrentProcess();
            var cpu = new List<double>();
            var wall = new List<double>();
            SimulationResult? result = null;
            for (var run = 0; run < runs; run++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                result = Simulator.Run(model.Topology, scenario);
                watch.Stop();
                process.Refresh();
                if (run >= runs - counted)
                {
                    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
                    wall.Add(watch.Elapsed.TotalSeconds);
                }
            }

            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ResultJsonWriter.ToJson(result!))))[..16];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"simulate-estate: {model.Topology.Hosts.Count:N0} hosts, {result!.Steps:N0} steps, {result.ProcessedEvents:N0} events; last {counted} of {runs} runs: CPU {string.Join(", ", cpu.Select(c => c.ToString("F3", CultureInfo.InvariantCulture)))} s (wall {string.Join(", ", wall.Select(w => w.ToString("F3", CultureInfo.InvariantCulture)))} s); result {hash}"));
            return 0;
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }
}
