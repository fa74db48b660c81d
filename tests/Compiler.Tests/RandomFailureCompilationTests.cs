using VirtLang.Compiler.Lowering;
using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// `failures` blocks from text to the runtime's objects (issue 13, item 3): where each stands, how a host reads its
/// hardware's through the base, copies, the scenario's switch, and the checker's bound counting copies.
/// </summary>
public sealed class RandomFailureCompilationTests
{
    /// <summary>Every place a block can stand, a host overriding one attribute of its hardware's, and counted hosts.</summary>
    public const string Model = """
        hardware box {
          cpu {
            cores    = 8
            features = [vtx, ept]
          }
          memory = 64GiB
          failures { mtbf = 30d  mttr = 4h }
        }

        os linux {
          family = linux
          failures {
            mtbf   = 10d
            mttr   = 2m
            repair = fixed
          }
        }

        app web {
          replicas = 2
          demand {
            cpu = 1
          }
          failures {
            mtbf         = 5d
            mttr         = 10m
            distribution = weibull
            shape        = 1.5
          }
        }

        host h1 : box {
          failures {
            mttr = 8h
          }
          hypervisor {
            kind = bare_metal
            failures {
              mtbf         = 60d
              mttr         = 15m
              distribution = lognormal
              sigma        = 0.8
              repair       = lognormal
              repair_sigma = 1.2
            }
          }
          vm w1 {
            os     = linux
            vcpus  = 2
            memory = 4GiB
            runs   = [web]
          }
        }

        host spare : box {
          count = 2
        }

        host h2 : box {
          hypervisor {
            kind = bare_metal
          }
          vm w2 {
            os     = linux
            vcpus  = 2
            memory = 4GiB
            runs   = [web]
          }
        }

        scenario quarter {
          duration = 90d
          step     = 1h
          at 10d fail h1 for 1d
        }

        scenario scripted-only {
          duration        = 90d
          step            = 1h
          random_failures = false
        }

        """;

    public static ModelCompilation Compile(string text)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text });
        provider.TryRead("m.vdl", out var source, out _);
        return ModelCompilation.Create([source!], provider);
    }

    [Fact]
    public void Every_block_reaches_the_runtime_and_a_host_reads_its_hardwares_through_the_base()
    {
        var compilation = Compile(Model);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var hosts = lowered.Topology.Hosts.ToDictionary(h => h.Name);

        // h1 keeps its hardware's mtbf and its exponential draws, with its own repair time.
        Assert.Equal(new FailureSpec { Mtbf = 30 * SimTime.TicksPerDay, Mttr = 8 * SimTime.TicksPerHour }, hosts["h1"].Failures);
        Assert.Equal(new FailureSpec { Mtbf = 30 * SimTime.TicksPerDay, Mttr = 4 * SimTime.TicksPerHour }, hosts["h2"].Failures);
        Assert.Equal(hosts["h2"].Failures, hosts["spare-1"].Failures);
        Assert.Equal(hosts["h2"].Failures, hosts["spare-2"].Failures);

        Assert.Equal(
            new FailureSpec
            {
                Mtbf = 60 * SimTime.TicksPerDay, Mttr = 15 * SimTime.TicksPerMinute, Distribution = FailureDistribution.Lognormal, Sigma = 0.8,
                Repair = RepairDistribution.Lognormal, RepairSigma = 1.2,
            },
            hosts["h1"].Hypervisor.Failures);
        Assert.Null(hosts["h2"].Hypervisor.Failures);

        var w1 = (VirtualMachineSpec)hosts["h1"].Guests.Single();
        Assert.Equal(new FailureSpec { Mtbf = 10 * SimTime.TicksPerDay, Mttr = 2 * SimTime.TicksPerMinute, Repair = RepairDistribution.Fixed }, w1.Os!.Failures);
        Assert.Equal(new FailureSpec { Mtbf = 5 * SimTime.TicksPerDay, Mttr = 10 * SimTime.TicksPerMinute, Distribution = FailureDistribution.Weibull, Shape = 1.5 }, w1.Runs.Single().Failures);

        Assert.True(lowered.Scenarios[0].RandomFailures);
        Assert.False(lowered.Scenarios[1].RandomFailures);
    }

    [Fact]
    public void Random_and_scripted_events_mix_in_the_run_of_the_model()
    {
        var lowered = ModelLowering.Lower(Compile(Model).SemanticModel);
        var run = Runtime.Engine.Simulator.Run(lowered.Topology, lowered.Scenarios[0]);
        Assert.Contains(run.Events, e => e.Kind == "fail" && e.Subject == "h1");
        Assert.Contains(run.Events, e => e.Kind == "random-fail" && e.Subject.StartsWith("spare-", StringComparison.Ordinal));
        Assert.Contains(run.Events, e => e.Kind == "random-fail" && e.Subject == "web@w1");

        var scripted = Runtime.Engine.Simulator.Run(lowered.Topology, lowered.Scenarios[1]);
        Assert.DoesNotContain(scripted.Events, e => e.Kind.StartsWith("random", StringComparison.Ordinal));
    }

    /// <summary>Three copies of a host each fail on their own: the bound counts 3 × duration ÷ (mtbf + mttr).</summary>
    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void The_bound_on_random_failures_counts_every_copy(int copies, bool reported)
    {
        // 40,000 minutes of scenario, a cycle of 60 s up + 1 s down: about 39,344 failures per copy.
        var text = $$"""
            host h {
              memory = 64GiB
              count  = {{copies}}
              failures {
                mtbf   = 1m
                mttr   = 1s
                repair = fixed
              }
            }

            scenario s {
              duration = 40000m
              step     = 1h
            }

            """;
        var codes = Compile(text).Diagnostics.Where(d => d.Code.StartsWith("VDL10", StringComparison.Ordinal)).Select(d => d.Code).ToList();
        if (reported)
        {
            Assert.Equal(["VDL1045"], codes.Where(c => c == "VDL1045"));
        }
        else
        {
            Assert.DoesNotContain("VDL1045", codes);
        }
    }
}
