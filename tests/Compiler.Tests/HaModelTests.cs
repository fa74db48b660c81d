using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Lowering;
using VirtLang.Compiler.Sources;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;

namespace VirtLang.Compiler.Tests;

/// <summary>HA restart from the language (issue 13, item 2): the policy and priorities reach the runtime, by lowering and by the generated C# alike.</summary>
public sealed class HaModelTests : IDisposable
{
    private const string Model = """
        hardware r650 {
          cpu {
            cores    = 16
            features = [vtx, ept]
          }
          memory = 256GiB
        }
        app web {
          demand {
            cpu    = 2
            memory = 4GiB
          }
        }
        app batch {
          demand {
            cpu    = 1
            memory = 1GiB
          }
        }
        host esx-01 : r650 {
          hypervisor {
            kind = bare_metal
          }
          vm jobs {
            vcpus            = 2
            memory           = 4GiB
            runs             = [batch]
            restart_priority = low
            count            = 2
          }
          vm web-1 {
            vcpus            = 4
            memory           = 8GiB
            runs             = [web]
            restart_priority = high
          }
        }
        host esx-02 : r650 {
          hypervisor {
            kind = bare_metal
          }
        }
        cluster prod {
          hosts = [esx-01, esx-02]
          policy {
            ha                = true
            restart_delay     = 45s
            admission_reserve = 30%
          }
        }
        scenario outage {
          duration = 1d
          at 8h fail esx-01 for 4h
        }
        """;

    private readonly TemporaryDirectory _cache = new("vdl-ha-");

    public void Dispose() => _cache.Dispose();

    private static ModelCompilation Compile(string text)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text });
        provider.TryRead("m.vdl", out var source, out _);
        return ModelCompilation.Create([source!], provider);
    }

    [Fact]
    public void The_policy_and_priorities_are_lowered()
    {
        var compilation = Compile(Model);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var cluster = Assert.Single(lowered.Topology.Clusters);
        Assert.True(cluster.Ha);
        Assert.Equal(45 * SimTime.TicksPerSecond, cluster.RestartDelay);
        Assert.Equal(0.3, cluster.AdmissionReserve!.Value, 9);
        var guests = lowered.Topology.Hosts[0].Guests;
        Assert.Equal([RestartPriority.Low, RestartPriority.Low, RestartPriority.High], guests.Select(g => g.RestartPriority));
    }

    [Fact]
    public void Without_settings_the_defaults_apply()
    {
        var compilation = Compile(Model.Replace("restart_delay     = 45s", string.Empty, StringComparison.Ordinal)
            .Replace("admission_reserve = 30%", string.Empty, StringComparison.Ordinal)
            .Replace("restart_priority = high", string.Empty, StringComparison.Ordinal));
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var cluster = Assert.Single(lowered.Topology.Clusters);
        Assert.Equal(ClusterSpec.DefaultRestartDelay, cluster.RestartDelay);
        Assert.Null(cluster.AdmissionReserve);
        Assert.Equal(0.5, cluster.EffectiveAdmissionReserve, 9);
        Assert.Equal(RestartPriority.Medium, lowered.Topology.Hosts[0].Guests[2].RestartPriority);
    }

    /// <summary>The generated C# carries the cluster and the priorities: its run is the lowering's, byte for byte, HA restarts included.</summary>
    [Fact]
    public void The_generated_code_restarts_as_the_lowering_does()
    {
        var compilation = Compile(Model);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        var generated = ModelHost.Load(compilation, _cache.Path);
        var fromLowering = Simulator.Run(lowered.Topology, lowered.Scenarios[0]);
        var fromCode = Simulator.Run(generated.Topology, generated.Scenarios[0]);
        Assert.Equal(ResultJsonWriter.ToJson(fromLowering), ResultJsonWriter.ToJson(fromCode));

        // High priority first, then the low copies in their order; each down for the delay and its boot.
        Assert.Equal(["web-1", "jobs-1", "jobs-2"], fromCode.Events.Where(e => e.Kind == "ha-restart").Select(e => e.Subject));
        Assert.Equal(1.75, fromCode.Applications.Single(a => a.Name == "web").DowntimeMinutes, 9);
        Assert.Equal(3, fromCode.Hosts.Single(h => h.Name == "esx-02").Guests);
    }
}
