namespace VirtLang.Planning.Tests;

/// <summary>When no plan exists, the diagnostics say why in the model's terms, not the solver's.</summary>
public sealed class ExplanationTests : IDisposable
{
    private const string Catalog = """
        os rhel9 {
          family = linux
        }

        os solaris11 {
          family = solaris
        }

        hardware box {
          cpu {
            cores = 16
          }
          memory = 64GiB
        }

        """;

    private readonly PlanningHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void AnApplicationCertifiedOnAnOsNoPoolRunsIsVdl7002NamingBoth()
    {
        var diagnostic = Assert.Single(_harness.PlanDiagnostics(Catalog + """
            app ledger {
              requires {
                os = [solaris11]
              }
              demand {
                cpu = 1
              }
            }

            pool rack-a {
              hardware = box
              count    = 4
              os       = rhel9
            }

            plan p {}
            """));
        Assert.Equal("VDL7002", diagnostic.Code);
        Assert.Contains("`ledger`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("needs `solaris11` and pool `rack-a` runs `rhel9`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApplicationLargerThanAMachineIsVdl7003WithItsPeak()
    {
        var diagnostic = Assert.Single(_harness.PlanDiagnostics(Catalog + """
            app huge {
              demand {
                cpu = 20
              }
            }

            pool rack-a {
              hardware = box
              count    = 4
              os       = rhel9
            }

            plan p {}
            """));
        Assert.Equal("VDL7003", diagnostic.Code);
        Assert.Contains("20 reference cores at its peak", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("gives 11.2", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpreadReplicasPastTheUsableMachinesAreVdl7004NamingSpareAndSpread()
    {
        var diagnostic = Assert.Single(_harness.PlanDiagnostics(Catalog + """
            app web {
              replicas = 3
              spread   = host
              demand {
                cpu = 1
              }
            }

            pool rack-a {
              hardware = box
              count    = 3
              os       = rhel9
              hypervisor {
                kind = bare_metal
              }
            }

            plan p {
              spare = 1
            }
            """));
        Assert.Equal("VDL7004", diagnostic.Code);
        Assert.Contains("2 usable: count 3, spare 1", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("spread = host", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostThatAlsoRunsAnApplicationThePlanLeavesOutIsVdl7005()
    {
        var compilation = _harness.Compile(Catalog + """
            app web {
              demand {
                cpu = 1
              }
            }

            app batch {
              demand {
                cpu = 1
              }
            }

            host old : box {
              os   = rhel9
              runs = [web, batch]
            }

            pool rack-a {
              hardware = box
              count    = 4
              os       = rhel9
            }

            plan p {
              apps = [web]
            }
            """);
        var diagnostics = new List<Language.Diagnostics.Diagnostic>();
        var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions(), diagnostics);
        Assert.Null(PlacedModelWriter.Write(compilation, result!, diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("VDL7005", diagnostic.Code);
        Assert.Contains("host `old` runs `web`, which plan `p` places, and `batch`, which it does not", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlacedNameTheModelAlreadyDeclaresIsVdl7006()
    {
        var compilation = _harness.Compile(Catalog + """
            app web {
              demand {
                cpu = 1
              }
            }

            app rack-a-1 {
              demand {
                cpu = 1
              }
            }

            pool rack-a {
              hardware = box
              count    = 4
              os       = rhel9
            }

            plan p {
              apps = [web]
            }
            """);
        var diagnostics = new List<Language.Diagnostics.Diagnostic>();
        var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions(), diagnostics);
        Assert.Null(PlacedModelWriter.Write(compilation, result!, diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("VDL7006", diagnostic.Code);
        Assert.Contains("a placed host `rack-a-1`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterThatNamesAReplacedHostIsVdl7001SayingWhere()
    {
        var compilation = _harness.Compile(Catalog + """
            app web {
              demand {
                cpu = 1
              }
            }

            host old : box {
              os   = rhel9
              runs = [web]
            }

            cluster c {
              hosts = [old]
            }

            pool rack-a {
              hardware = box
              count    = 4
              os       = rhel9
            }

            plan p {}
            """);
        var diagnostics = new List<Language.Diagnostics.Diagnostic>();
        var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions(), diagnostics);
        Assert.Null(PlacedModelWriter.Write(compilation, result!, diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("VDL7001", diagnostic.Code);
        Assert.Contains("still names a host plan `p` replaces (`old`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccelerationInAnOsLevelPoolIsVdl1016AtThePoolNotABrokenPlacedModel()
    {
        var diagnostics = VirtLang.Compiler.ModelCompilation.Create([Language.Text.SourceText.From(Catalog + """
            pool rack-a {
              hardware = box
              count    = 4
              os       = rhel9
              hypervisor {
                kind         = os_level
                acceleration = hardware
              }
            }
            """, "pool.vdl")]).Diagnostics.Where(d => d.IsError).ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("VDL1016", diagnostic.Code);
        Assert.Equal("acceleration", diagnostic.Location.Source.ToString(diagnostic.Location.Span));
        Assert.Contains("pool `rack-a`", diagnostic.Message, StringComparison.Ordinal);
    }
}
