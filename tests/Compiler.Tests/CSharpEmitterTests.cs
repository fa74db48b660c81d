using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VirtLang.Compiler.Emit;
using VirtLang.Compiler.Lowering;
using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>The generated C# compiles, builds the same objects as the lowering, and carries user text only as data.</summary>
public sealed class CSharpEmitterTests
{
    /// <summary>Compiles generated code in memory against the running framework and the runtime, in a collectible context.</summary>
    private static (Topology Topology, IReadOnlyList<ScenarioSpec> Scenarios) CompileAndBuild(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p)).Append(MetadataReference.CreateFromFile(typeof(Topology).Assembly.Location));
        var compilation = CSharpCompilation.Create("Generated", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(stream).GetType("VirtLang.Generated.Model")!;
            var topology = (Topology)type.GetMethod("Build")!.Invoke(null, null)!;
            var scenarios = (IReadOnlyList<ScenarioSpec>)type.GetMethod("Scenarios")!.Invoke(null, null)!;
            return (topology, scenarios);
        }
        finally
        {
            context.Unload();
        }
    }

    private static ModelCompilation Check(string text)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text });
        provider.TryRead("m.vdl", out var source, out _);
        return ModelCompilation.Create([source!], provider);
    }

    /// <summary>
    /// bare-metal.vdl gives a `dirty_rate` and migrates a VM, so the emitted rate is exercised; the forkwait calibration
    /// model states `forks`, so the emitted kernel entries are.
    /// </summary>
    [Theory]
    [InlineData("datacenter.vdl")]
    [InlineData("bare-metal.vdl")]
    [InlineData("availability.vdl")]
    [InlineData("containers.vdl")]
    [InlineData("hosted.vdl")]
    [InlineData("one-app-per-server.vdl")]
    [InlineData("paravirtual.vdl")]
    [InlineData("../calibration/adams-agesen-2006-forkwait-vtx.vdl")]
    public void TheGeneratedCodeSimulatesExactlyAsTheLoweredModel(string example)
    {
        var compilation = ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, example)]);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var (topology, scenarios) = CompileAndBuild(CSharpEmitter.Emit(compilation.SemanticModel));

        var fromCode = ResultJsonWriter.ToJson(Simulator.Run(topology, scenarios[0]));
        var fromLowering = ResultJsonWriter.ToJson(Simulator.Run(lowered.Topology, lowered.Scenarios[0]));
        Assert.Equal(fromLowering, fromCode);
    }

    /// <summary>Random failures (every place a `failures` block stands, a scenario that turns them off) emit as they lower.</summary>
    [Fact]
    public void TheGeneratedCodeCarriesRandomFailuresAsTheLoweringDoes()
    {
        var compilation = RandomFailureCompilationTests.Compile(RandomFailureCompilationTests.Model);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var (topology, scenarios) = CompileAndBuild(CSharpEmitter.Emit(compilation.SemanticModel));
        for (var s = 0; s < scenarios.Count; s++)
        {
            Assert.Equal(lowered.Scenarios[s].RandomFailures, scenarios[s].RandomFailures);
            var fromCode = ResultJsonWriter.ToJson(Simulator.Run(topology, scenarios[s]));
            Assert.Equal(ResultJsonWriter.ToJson(Simulator.Run(lowered.Topology, lowered.Scenarios[s])), fromCode);
        }

        Assert.Contains("random-fail", ResultJsonWriter.ToJson(Simulator.Run(topology, scenarios[0])), StringComparison.Ordinal);
    }

    /// <summary>Sites, a host's site (on copies too), an application's rto and `fail site` come out of the generated code as the lowering makes them.</summary>
    [Fact]
    public void TheGeneratedCodeCarriesSitesAndSimulatesTheirFailoverAsTheLoweredModel()
    {
        var compilation = Check("""
            os linux {
              family = linux
            }
            site east {
              location = "Frank\"furt"
            }
            site west {}
            app web {
              replicas = 3
              rto      = 15m
              demand {
                cpu = 1
              }
            }
            host a {
              site  = east
              count = 2
              os    = linux
              runs  = [web]
            }
            host b {
              site = west
              os   = linux
              runs = [web]
            }
            scenario dr {
              duration = 1d
              at 8h fail site east for 2h
            }
            """);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var (topology, scenarios) = CompileAndBuild(CSharpEmitter.Emit(compilation.SemanticModel));

        Assert.Equal([("east", "Frank\"furt"), ("west", null)], topology.Sites.Select(s => (s.Name, s.Location)));
        Assert.Equal(["east", "east", "west"], topology.Hosts.Select(h => h.Site));
        Assert.Equal(15 * Runtime.Kernel.SimTime.TicksPerMinute, topology.Applications()[0].RecoveryTimeObjective);
        Assert.IsType<FailSiteEvent>(Assert.Single(scenarios[0].Events));

        var fromCode = Simulator.Run(topology, scenarios[0]);
        Assert.Equal(ResultJsonWriter.ToJson(Simulator.Run(lowered.Topology, lowered.Scenarios[0])), ResultJsonWriter.ToJson(fromCode));
        Assert.Equal(15, Assert.Single(fromCode.Failovers).WaitMinutes);
    }

    [Fact]
    public void TheGeneratedDataMapsBackToTheModelAndCountsCopies()
    {
        var code = CSharpEmitter.Emit(Check("""
            hardware box {
              cpu {
                cores = 8
              }
              memory = 64GiB
            }
            host h : box {
              hypervisor {
                kind = bare_metal
              }
              vm pool {
                vcpus  = 1
                memory = 1GiB
                count  = 1000
              }
            }
            """).SemanticModel);
        // One guest record, with its place (line 11, as a delta from its host), of a shape that makes 1000 copies.
        Assert.Equal(["4 0 'pool"], code.Split('\n').Where(l => l.EndsWith("'pool", StringComparison.Ordinal)));
        Assert.Contains("\nvm 1000 ", code, StringComparison.Ordinal);
        var (topology, _) = CompileAndBuild(code);
        Assert.Equal(1000, topology.Hosts[0].Guests.Count);
        Assert.Equal("pool-1000", topology.Hosts[0].Guests[^1].Name);
    }

    /// <summary>Strings crafted to end a literal, open a comment, smuggle escapes or a directive stay data.</summary>
    [Theory]
    [InlineData("\\\"); System.Environment.Exit(42); //")]
    [InlineData("*/ System.Environment.Exit(42); /*")]
    [InlineData("\\\\u0022); System.Environment.Exit(42); //")]
    [InlineData("#line 1 \\\"evil.cs\\\"")]
    [InlineData("\\\"\\\"\\\"u8; System.Environment.Exit(42); \\\"\\\"\\\"")]
    public void UserStringsReachTheCodeOnlyAsInertData(string written)
    {
        var model = Check($$"""
            os o {
              family  = linux
              version = "{{written}}"
            }
            hardware box {
              cpu {
                cores = 2
              }
              memory = 8GiB
            }
            host h : box {
              os = o
              patch = "{{written}}"
              hypervisor {
                kind    = os_level
                product = "{{written}}"
              }
            }
            """);
        var code = CSharpEmitter.Emit(model.SemanticModel);
        var (topology, _) = CompileAndBuild(code);
        var expected = model.SemanticModel.Hosts[0].Patch;
        Assert.NotNull(expected);
        Assert.Equal(expected, topology.Hosts[0].Patch);
        Assert.Equal(expected, topology.Hosts[0].Os!.Version);
        Assert.DoesNotContain("Exit(42)", code.Replace(SymbolDisplay.FormatLiteral(expected, quote: true), string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
