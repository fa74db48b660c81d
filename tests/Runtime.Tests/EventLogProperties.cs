using FsCheck.Xunit;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using VirtLang.Tests.Shared;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// Fails, crashes, patches and migrations in random orders and at random instants on a small estate: the log, replayed
/// alone, must give the hosts' and applications' downtime and outages of the tables, and never say "back up" of
/// something down (issue 16).
/// </summary>
public class EventLogProperties
{
    /// <summary>Two bare-metal hosts to migrate between, a paravirtual one with its driver domain, an os_level and a plain host.</summary>
    private static Topology Estate()
    {
        var web = App("web", 1, 0.5, memory: GiB);
        var db = App("db", 2, 0.6, memory: 2 * GiB);
        var batch = App("batch", 1, 0.8);
        return new Topology
        {
            Hosts =
            [
                Host("esx-a", 8, Free(HypervisorKind.BareMetal), [Vm("web-1", 2, web), Vm("db-1", 2, db)]),
                Host("esx-b", 8, Free(HypervisorKind.BareMetal), [Vm("web-2", 2, web)]),
                Host("xen", 8, Free(HypervisorKind.Paravirtual), [new VirtualMachineSpec { Name = "dom0", Vcpus = 1, MemoryBytes = GiB, Privileged = true }, Vm("db-2", 2, db)]),
                Host("zones", 8, Free(HypervisorKind.OsLevel), [Container("web-3", 1, true, web), Container("batch-1", 1, false, batch)]),
                Host("metal", 4, Free(HypervisorKind.None), runs: [batch]),
            ],
        };
    }

    private static readonly string[] Hosts = ["esx-a", "esx-b", "xen", "zones", "metal"];
    private static readonly string[] Guests = ["web-1", "db-1", "web-2", "dom0", "db-2", "web-3", "batch-1"];
    private static readonly string[] Migratable = ["web-1", "db-1", "web-2"];

    private static ScenarioSpec Scenario(int seed, int count, bool restartableDriverDomain, out SimulationOptions options)
    {
        var random = new RandomStream((ulong)seed, 7);
        int Pick(int n) => Math.Min(n - 1, (int)(random.NextDouble() * n));

        // Any instant of a 12-hour run, to the millisecond: events land inside reboots, restarts and migrations.
        long At() => (long)(random.NextDouble() * 12 * SimTime.TicksPerHour) / SimTime.TicksPerMillisecond * SimTime.TicksPerMillisecond;
        var events = new List<ScenarioEvent>();
        for (var i = 0; i < count; i++)
        {
            var everything = Hosts.Concat(Guests).ToArray();
            events.Add(Pick(5) switch
            {
                0 => new FailEvent(At(), Hosts[Pick(Hosts.Length)], random.NextDouble() < 0.3 ? null : Minutes(1 + Pick(180))),
                1 => new CrashEvent(At(), everything[Pick(everything.Length)]),
                2 => new PatchEvent(At(), everything[Pick(everything.Length)], "2"),
                _ => new MigrateEvent(At(), Migratable[Pick(Migratable.Length)], random.NextDouble() < 0.5 ? "esx-a" : "esx-b"),
            });
        }

        options = new SimulationOptions { Timings = FaultTimings.Default with { RestartableDriverDomain = restartableDriverDomain } };
        return new ScenarioSpec
        {
            Name = "random",
            Duration = 12 * SimTime.TicksPerHour,
            Step = 5 * SimTime.TicksPerMinute,
            Seed = (ulong)seed,
            Noise = 0.1,
            Events = [.. events.OrderBy(e => e.At)],
        };
    }

    [Property(MaxTest = 150)]
    public void The_replayed_log_equals_the_tables(int seed, byte count, bool restartableDriverDomain)
    {
        var topology = Estate();
        var scenario = Scenario(seed, 1 + (count % 24), restartableDriverDomain, out var options);
        var result = Simulator.Run(topology, scenario, options);
        EventLogReplay.AssertConsistent(topology, result, $"seed {seed}, {scenario.Events.Count} events: {string.Join(", ", scenario.Events)}");
    }

    /// <summary>The replay itself catches the reported bug: a failed host logged back up after a patch's reboot.</summary>
    [Fact]
    public void The_replay_catches_a_log_that_brings_a_failed_host_back_up()
    {
        var topology = new Topology { Hosts = [Host("h", 8, Free(HypervisorKind.Hosted), [Vm("v", 2, App("a", 1))])] };
        var day = SimTime.TicksPerDay;
        var result = new SimulationResult
        {
            Scenario = "reported",
            Duration = 7 * day,
            Hosts = [new HostResult { Name = "h", Hypervisor = "hosted", Mode = "hardware_assist", DowntimeMinutes = 6 * 24 * 60 }],
            Applications = [new ApplicationResult { Name = "a", DowntimeMinutes = 6 * 24 * 60, Outages = [(24 * 60, 7 * 24 * 60)] }],
            Consolidation = new Consolidation(1, 1),
            Fingerprint = "0",
            Events =
            [
                new EventRecord(day, "fail", "h", "host down with 1 VM; not repaired in this scenario"),
                new EventRecord(2 * day, "patch", "h", "host OS to 2: host reboots with 1 VM, back after 5m"),
                new EventRecord(2 * day + Minutes(5), "restart", "h", "back up with 1 VM"),
            ],
        };
        var replayed = EventLogReplay.Replay(topology, result);
        Assert.Contains(replayed.Contradictions, c => c.Contains("patch of h, which is down", StringComparison.Ordinal));
        Assert.Contains(replayed.Contradictions, c => c.Contains("says 'back up with 1 VM', but it is down", StringComparison.Ordinal));
    }
}
