using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Tests;

/// <summary>A checked model becomes the simulator's objects with its effective values: what `vdl run` simulates.</summary>
public sealed class ModelLoweringTests
{
    private static LoweredModel Datacenter()
    {
        var compilation = ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, "datacenter.vdl")]);
        Assert.False(compilation.HasErrors);
        return ModelLowering.Lower(compilation.SemanticModel);
    }

    [Fact]
    public void HostsAndGuestsCarryTheirEffectiveValuesAndCopiesAreExpanded()
    {
        var model = Datacenter();
        Assert.Equal(["esx-01", "esx-02", "web-01", "legacy-01", "xen-01"], model.Topology.Hosts.Select(h => h.Name));

        var web = model.Topology.Hosts.Single(h => h.Name == "web-01");
        Assert.Equal(HypervisorKind.OsLevel, web.Hypervisor.Kind);
        Assert.Equal(64, web.Cpu.LogicalCpus);                                  // from the r740 base
        Assert.Equal(384L << 30, web.MemoryBytes);
        Assert.Equal("solaris11", web.Os!.Name);
        Assert.Equal(["web-a", "web-pool-1", "web-pool-2", "web-pool-3", "web-pool-4"], web.Guests.Select(g => g.Name));
        Assert.True(((ContainerSpec)web.Guests[0]).Burst);

        var legacy = model.Topology.Hosts.Single(h => h.Name == "legacy-01");
        Assert.Equal(Acceleration.Hardware, legacy.Hypervisor.Acceleration);   // the default for a CPU with vtx
        var crm = Assert.Single(legacy.Runs);
        Assert.IsType<WeeklyProfile>(crm.Profile);

        var billing = model.Topology.Hosts.Single(h => h.Name == "esx-01").Guests.Single().Runs.Single();
        Assert.True(billing.CertifiedPatch!.IsSatisfiedBy("2024.03"));
        Assert.False(billing.CertifiedPatch.IsSatisfiedBy("2024.02"));
        Assert.Equal(2, billing.Replicas);
        Assert.Equal(4, model.Topology.Clusters.Single().Hosts.Count);
    }

    [Fact]
    public void ScenarioStatementsBecomeEventsAtTheirTimesWithTheirOrigins()
    {
        var scenario = Assert.Single(Datacenter().Scenarios);
        Assert.Equal(("black-friday", 7 * SimTime.TicksPerDay, SimTime.TicksPerMinute, 42UL), (scenario.Name, scenario.Duration, scenario.Step, scenario.Seed));
        var scale = Assert.IsType<ScaleEvent>(scenario.Events[0]);
        Assert.Equal((2 * SimTime.TicksPerDay, "web", 3.0, (long?)(3 * SimTime.TicksPerDay)), (scale.At, scale.Application, scale.Factor, scale.Until));
        var fail = Assert.IsType<FailEvent>(scenario.Events[1]);
        Assert.Equal((long?)(2 * SimTime.TicksPerHour), fail.RepairAfter);
        Assert.Equal(4 * SimTime.TicksPerDay + (12 * SimTime.TicksPerHour), Assert.IsType<CrashEvent>(scenario.Events[2]).At);
        Assert.Equal("xen-01", Assert.IsType<MigrateEvent>(scenario.Events[3]).TargetHost);
        Assert.Equal("2024.06", Assert.IsType<PatchEvent>(scenario.Events[4]).Level);
        Assert.Matches(@"datacenter\.vdl\(\d+,3\)$", scenario.Events[0].Origin!);
    }

    /// <summary>`dirty_rate` is a bandwidth in bits per second, as the simulator's NICs are; absent, the simulator's default by I/O class.</summary>
    [Fact]
    public void DirtyRateIsLoweredInBitsPerSecondOrLeftToTheDefault()
    {
        var text = """
            app db {
              demand {
                cpu = 2
                io = heavy
                dirty_rate = 40MB/s
              }
            }
            app web {
              demand {
                io = moderate
              }
            }
            host h {
              memory = 64GiB
              runs = [db, web]
            }

            """;
        var provider = new Sources.InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text });
        provider.TryRead("m.vdl", out var source, out _);
        var compilation = ModelCompilation.Create([source!], provider);
        var runs = ModelLowering.Lower(compilation.SemanticModel).Topology.Hosts.Single().Runs;
        Assert.Equal(320e6, runs.Single(a => a.Name == "db").DirtyBitsPerSecond);
        Assert.Null(runs.Single(a => a.Name == "web").DirtyBitsPerSecond);
        Assert.Equal(DefaultDirtyRates.ModerateBitsPerSecond, runs.Single(a => a.Name == "web").EffectiveDirtyBitsPerSecond);
    }

    /// <summary>`syscalls`, `page_faults` and `forks` are per second at full demand; absent, none (the class alone says how kernel-heavy it is).</summary>
    [Fact]
    public void KernelEntriesAreLoweredPerSecondOrLeftAtNone()
    {
        var text = """
            app forker {
              demand {
                cpu = 2
                syscalls = 50000
                page_faults = 20000
                forks = 300
              }
            }
            app web {
              demand {
                io = moderate
              }
            }
            host h {
              memory = 64GiB
              runs = [forker, web]
            }

            """;
        var provider = new Sources.InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text });
        provider.TryRead("m.vdl", out var source, out _);
        var compilation = ModelCompilation.Create([source!], provider);
        var runs = ModelLowering.Lower(compilation.SemanticModel).Topology.Hosts.Single().Runs;
        Assert.Equal(new KernelEntryRates(50_000, 20_000, 300), runs.Single(a => a.Name == "forker").KernelEntries);
        Assert.True(runs.Single(a => a.Name == "web").KernelEntries.IsZero);
    }
}
