using VirtLang.Compiler.Rules;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Tests;

/// <summary>The bound model the editor asks: symbols at positions, references, effective values after base and defaults.</summary>
public sealed class SemanticModelTests
{
    private const string Catalog = """
        hardware r740 {
          cpu {
            sockets  = 2
            cores    = 16
            threads  = 2
            features = [vtx, ept]
          }
          memory = 384GiB
          nic eth0 {
            speed  = 25Gbps
            driver = "mlx5"
          }
        }

        """;

    private const string Model = """
        import "catalog.vdl"

        os rhel8 {
          family = linux
        }

        app web {
          demand {
            cpu     = 2
            profile = diurnal(peak = 80%, base = 20%)
          }
        }

        host esx : r740 {
          memory = 512GiB
          nic eth0 {
            speed = 100Gbps
          }
          hypervisor {
            kind = bare_metal
          }
          vm web-vm {
            os     = rhel8
            vcpus  = 4
            memory = 8GiB
            runs   = [web]
            count  = 3
          }
        }

        cluster east {
          hosts = [esx]
          policy {
            memory_overcommit = 1.5
          }
        }

        scenario s {
          duration = 1d
          at 1h crash web-vm-2
        }
        """;

    private static ModelCompilation Compile(params (string Path, string Text)[] files)
    {
        var provider = new InMemorySourceProvider(files.ToDictionary(f => f.Path, f => f.Text));
        provider.TryRead(files[0].Path, out var root, out _);
        return ModelCompilation.Create([root!], provider);
    }

    private static SemanticModel Bound() => Compile(("dc.vdl", Model), ("catalog.vdl", Catalog)).SemanticModel;

    [Fact]
    public void EffectiveValuesComeFromTheHostThenItsBaseThenTheDefaults()
    {
        var host = Bound().Host("esx")!;
        Assert.Equal(64, host.LogicalCpus);                                 // the base's cpu
        Assert.Equal(512.0 * (1L << 30), host.MemoryBytes);                 // the host's own memory
        Assert.Equal(100e9, Assert.Single(host.Nics).BitsPerSecond);        // the host's eth0 replaces the base's speed...
        Assert.Equal("mlx5", host.Nics[0].Driver);                          // ...and keeps its driver
        Assert.Equal(HypervisorKind.BareMetal, host.HypervisorKind);
        Assert.Equal(Acceleration.Hardware, host.Acceleration);             // default: the CPU has vtx
        Assert.False(host.AccelerationWritten);
        Assert.Equal(1.5, host.MemoryOvercommit);                           // from its cluster
        Assert.Equal(4.0, host.CpuOvercommit);                              // the default

        var vm = Assert.Single(host.Guests);
        Assert.Equal(3, vm.Copies);
        Assert.Equal("rhel8", vm.Os!.Name);
        var web = Assert.Single(vm.Runs);
        Assert.Equal(1.6, web.PeakCpu, 9);
        Assert.Equal(1.0, web.MeanCpu, 9);
        Assert.Equal("process", web.Isolation);                             // the default
    }

    [Fact]
    public void TheSymbolAtAPositionIsFoundAtItsDeclarationAndAtEachReference()
    {
        var model = Bound();
        var offsetOfReference = Model.IndexOf("os     = rhel8", StringComparison.Ordinal) + "os     = ".Length;
        Assert.Equal("rhel8", model.SymbolAt("dc.vdl", offsetOfReference + 2)!.Name);
        Assert.Equal("rhel8", model.SymbolAt("dc.vdl", Model.IndexOf("os rhel8", StringComparison.Ordinal) + 3)!.Name);
        Assert.Equal("r740", model.SymbolAt("dc.vdl", Model.IndexOf("r740", StringComparison.Ordinal))!.Name);
        Assert.Null(model.SymbolAt("dc.vdl", Model.IndexOf("memory = 512GiB", StringComparison.Ordinal)));

        // A copy made by `count` resolves to its template.
        Assert.Equal("web-vm", model.SymbolAt("dc.vdl", Model.IndexOf("web-vm-2", StringComparison.Ordinal) + 4)!.Name);
    }

    [Fact]
    public void ReferencesAreFoundAcrossFilesInOrder()
    {
        var model = Bound();
        var r740 = model.Resolve("r740")!;
        var references = model.ReferencesOf(r740, includeDeclaration: true);
        Assert.Equal(["catalog.vdl(1,10)", "dc.vdl(14,12)"], references.Select(l => l.ToString()));

        var vm = model.Resolve("web-vm")!;
        Assert.Equal(["dc.vdl(40,15)"], model.ReferencesOf(vm).Select(l => l.ToString()));
        Assert.Equal(["dc.vdl(26,15)"], model.ReferencesOf(model.Resolve("web")!).Select(l => l.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  conflicts = [other]")]
    public void AReferenceInABaseIsListedOnceHoweverManyBlocksInheritIt(string baseAttribute)
    {
        // `web` and `api` take `requires` from `base-app`, a nested block only the base has: the binder reads it once
        // for each of the three applications, and it is one reference. (With an attribute inherited as well, and
        // without: each takes its own path to the same answer.)
        var text = $$"""
            os rhel8 {
              family = linux
            }

            app other {
            }

            app base-app {
              requires {
                os = [rhel8]
              }
            {{baseAttribute}}
            }

            app web : base-app {
            }

            app api : base-app {
            }
            """;
        var model = Compile(("apps.vdl", text)).SemanticModel;
        Assert.Equal(["apps.vdl(10,11)"], model.ReferencesOf(model.Resolve("rhel8")!).Select(l => l.ToString()));
    }

    [Fact]
    public void AFailingRuleFamilyIsOneInternalErrorAndTheOthersStillReport()
    {
        var compilation = Compile(("dc.vdl", Model), ("catalog.vdl", Catalog));
        var diagnostics = new List<Diagnostic>();
        RuleRunner.Run(compilation.SemanticModel, compilation.Files, diagnostics, [new ThrowingRules(), new HypervisorKindRules(), new OneWarning()]);
        var error = Assert.Single(diagnostics, d => d.Code == "VDL9001");
        Assert.Contains("internal error in the exploding rules: InvalidOperationException: boom", error.Message, StringComparison.Ordinal);
        Assert.Single(diagnostics, d => d.Code == "VDL5004"); // the family after it ran
    }

    private sealed class ThrowingRules : IRuleFamily
    {
        public string Name => "exploding";

        public void Check(RuleContext context) => throw new InvalidOperationException("boom");
    }

    private sealed class OneWarning : IRuleFamily
    {
        public string Name => "one";

        public void Check(RuleContext context) =>
            context.Report(Diagnostics.CompilerDiagnostics.Unused, context.Model.OperatingSystems[0].Declaration, ["os", "rhel8"]);
    }
}
