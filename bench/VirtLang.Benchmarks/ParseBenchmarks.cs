using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using Microsoft.CodeAnalysis.CSharp;
using VirtLang.Language.Syntax;

namespace VirtLang.Benchmarks;

/// <summary>
/// Our parser against Roslyn's C# parser on inputs of the same size (2 MB; the VDL model has over 20,000
/// blocks). Both build full-fidelity trees with trivia.
/// </summary>
[Config(typeof(ParseConfig))]
[MemoryDiagnoser]
public class ParseBenchmarks
{
    public const int InputBytes = 2_000_000;

    public static readonly string Vdl = ModelGenerator.OfSize(InputBytes);

    public static readonly string CSharp = ModelGenerator.CSharpOfSize(Vdl.Length);

    [Benchmark(Baseline = true, Description = "Roslyn CSharpSyntaxTree.ParseText")]
    public object ParseCSharp() => CSharpSyntaxTree.ParseText(CSharp).GetRoot();

    [Benchmark(Description = "VDL SyntaxTree.Parse")]
    public object ParseVdl() => SyntaxTree.Parse(Vdl).Root;

    private sealed class ParseConfig : ManualConfig
    {
        public ParseConfig()
        {
            AddColumn(new ThroughputColumn(c => c.Descriptor.WorkloadMethod.Name == nameof(ParseVdl) ? Vdl.Length : CSharp.Length));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
