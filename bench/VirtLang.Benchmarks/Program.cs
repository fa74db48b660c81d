using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using VirtLang.Benchmarks;
using VirtLang.Benchmarks.MachineShop;
using VirtLang.Language.Syntax;

// dotnet run -c Release --project bench/VirtLang.Benchmarks -- <suite> [BenchmarkDotNet options]
var suite = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
switch (suite)
{
    case "parse":
        var blocks = CountBlocks(ParseBenchmarks.Vdl);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"inputs: VDL {ParseBenchmarks.Vdl.Length:N0} chars ({blocks:N0} blocks), C# {ParseBenchmarks.CSharp.Length:N0} chars"));
        if (ParseBenchmarks.Vdl.Length < 1_000_000 || blocks < 20_000)
        {
            Console.Error.WriteLine("the model must be at least 1 MB with 20,000 blocks (the issue's bar); fix ModelGenerator");
            return 1;
        }

        BenchmarkRunner.Run<ParseBenchmarks>(args: rest);
        return 0;

    case "parse-memory":
        // Run alone in its own process: the peak working set is the whole process's.
        var megabytes = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10;
        var text = ModelGenerator.OfSize(megabytes * 1_000_000);
        var watch = Stopwatch.StartNew();
        var tree = SyntaxTree.Parse(text);
        watch.Stop();
        GC.KeepAlive(tree);
        using (var process = Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parse-memory: {text.Length / 1e6:F1} MB model, {tree.Root.Members.Length:N0} declarations, {tree.Diagnostics.Length} diagnostics, parsed in {watch.Elapsed.TotalSeconds:F2} s, peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        }

        return 0;

    case "check-scale":
        return CheckScale.Run(rest);

    case "plan-scale":
        return PlanScale.Run(rest);

    case "machineshop":
        return MachineShopRunner.Run(rest);

    case "codegen-scale":
        return CodegenScale.Run(rest);

    case "run-scale":
        return RunScale.Run(rest);

    case "simulate-scale":
        return SimulationScale.Run(rest);

    case "simulate-estate":
        return SimulateEstate.Run(rest);

    case "lsp-latency":
        return LspLatency.Run(rest);

    case "lsp-workspace":
        return LspWorkspace.Run(rest);

    case "sweep":
        return SweepBench.Run(rest);

    case "sweep-orleans":
        return SweepOrleansBench.Run(rest);

    case "import-scale":
        return ImportScale.Run(rest);

    case "kernel":
        BenchmarkRunner.Run<KernelBenchmarks>(args: rest);
        return 0;

    default:
        Console.WriteLine("suites: parse (BenchmarkDotNet: VDL vs Roslyn), parse-memory [MB] (peak memory of one parse), check-scale [guests] (parse and check 10k..160k guests, or one size alone), machineshop [days] (our kernel vs a PriorityQueue baseline, and Sim# 3.4.2 when built with -p:SimSharpSource=DIR), kernel (BenchmarkDotNet: allocation per event), simulate-scale [--quick] (1,000 hosts x 7 days, and the growth with hosts and steps), codegen-scale [guests...] (emit and compile the generated C#), simulate-estate [lines] [--runs N] (the simulation alone of run-scale's model, in process: CPU time of the last half of the runs), run-scale [lines] [--rounds N] [--write FILE] (the built `vdl run` on a 50,000-line model, cold and warm), lsp-latency [edits] (the language server on a 5,000-line model: edit to diagnostics, completion, folding ranges), lsp-workspace [sites] (references from a catalog into closed files that import it, and workspace symbols), sweep [--quick] (replications per second of the datacenter example over 30 days on 1 thread and on every core, and the peak memory of 10,000 replications), sweep-orleans [--quick] (the same replications through Orleans on one machine: its overhead against local), import-scale [libvirt|inventory] [count] (vdl import of 10,000 domain XML files and of a 10,000-row inventory: time and peak memory), plan-scale [apps...] [--time-limit S] [--objective hosts|energy] (vdl plan on 100, 1,000 and 10,000 applications: hosts against the lower bound and first-fit-decreasing; energy against first-fit-decreasing's)");

        return suite == "help" ? 0 : 2;
}

static int CountBlocks(string text) => SyntaxTree.Parse(text).Root.DescendantNodesAndSelf().Count(n => n is BlockSyntax);
