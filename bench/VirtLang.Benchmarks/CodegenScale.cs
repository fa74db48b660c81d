using System.Diagnostics;
using System.Globalization;
using VirtLang.Compiler;
using VirtLang.Compiler.Emit;
using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Sources;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>codegen-scale [guests...]</c>: for generated models of 10 guests per host, the time to emit the C# and to compile
/// it with Roslyn in memory (no cache), and the size of the code; how both grow with the model.
/// </summary>
public static class CodegenScale
{
    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 20_000, 40_000, 100_000];
        Console.WriteLine("guests   hosts   emit ms  C# MB  compile ms");
        foreach (var guests in sizes)
        {
            var text = ModelGenerator.Generate(guests / 10, 10);
            var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["model.vdl"] = text });
            provider.TryRead("model.vdl", out var source, out _);
            var compilation = ModelCompilation.Create([source!], provider);

            var watch = Stopwatch.StartNew();
            var code = CSharpEmitter.Emit(compilation.SemanticModel);
            var emit = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var image = ModelHost.CompileAssembly(compilation);
            var compile = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{guests,7:N0} {guests / 10,7:N0} {emit,9:F0} {code.Length / 1e6,6:F1} {compile,11:F0}   ({image.Length / 1e6:F1} MB assembly)"));
        }

        return 0;
    }
}
