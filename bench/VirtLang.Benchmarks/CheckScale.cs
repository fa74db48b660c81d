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
    /// <param name="args">Optionally one guest count: that model alone, so the peak working set is its own.</param>
    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? [int.Parse(args[0], CultureInfo.InvariantCulture)] : new[] { 10_000, 20_000, 40_000, 80_000, 100_000, 160_000 };
        Console.WriteLine("guests  hosts   MB      parse ms  check ms  total ms  diagnostics");
        foreach (var guests in sizes)
        {
            var text = ModelGenerator.Generate(guests / 10, 10);
            var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["model.vdl"] = text });
            provider.TryRead("model.vdl", out var source, out _);

            // check: binding and every rule family on a tree already parsed (the "after parsing");
            // total: the same from text, parse included. Each timed after a full collection, best of three.
            double parse = double.MaxValue, check = double.MaxValue, total = double.MaxValue;
            var diagnostics = 0;
            for (var round = 0; round < 3; round++)
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var tree = SyntaxTree.Parse(source!);
                parse = Math.Min(parse, watch.Elapsed.TotalMilliseconds);
                GC.Collect();
                watch.Restart();
                diagnostics = ModelCompilation.Create([tree], provider).Diagnostics.Length;
                check = Math.Min(check, watch.Elapsed.TotalMilliseconds);
                tree = null;
                GC.Collect();
                watch.Restart();
                GC.KeepAlive(ModelCompilation.Create([source!], provider));
                total = Math.Min(total, watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{guests,7:N0} {guests / 10,6:N0} {text.Length / 1e6,6:F1} {parse,9:F0} {check,9:F0} {total,9:F0}  {diagnostics}"));
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check-scale: peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }
}
