using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// Pre-copy live migration: rounds that resend what the workload dirtied, a stop-and-copy pause as the downtime, and
/// links shared between migrations. 10 Gb/s NICs of which a migration uses 80 %: 1e9 bytes a second.
/// </summary>
public class LiveMigrationTests
{
    private const double LinkBytesPerSecond = 0.8 * 10e9 / 8;
    private const double Memory = 16.0 * GiB;
    private const double Resume = 0.020;

    private static ApplicationSpec Dirtying(string name, double bitsPerSecond, double level = 1) =>
        new() { Name = name, Cpu = 1, Profile = new Profiles.ConstantProfile(level), DirtyBitsPerSecond = bitsPerSecond };

    private static VirtualMachineSpec Vm16(string name, ApplicationSpec app) => new() { Name = name, Vcpus = 2, MemoryBytes = 16 * GiB, Runs = [app] };

    private static SimulationResult Migrate(ApplicationSpec app, FaultTimings? timings = null, params ScenarioEvent[] more)
    {
        var topology = new Topology { Hosts = [Host("src", 8, Free(HypervisorKind.BareMetal), [Vm16("v", app)]), Host("dst", 8, Free(HypervisorKind.BareMetal))] };
        return Simulator.Run(topology, Day([new MigrateEvent(Hours(2), "v", "dst"), .. more]), new SimulationOptions { Timings = timings ?? FaultTimings.Default });
    }

    /// <summary>Within a few microsecond ticks: each phase ends on the tick after its last byte.</summary>
    private static void Near(long expected, long actual) => Assert.InRange(actual, expected - 5, expected + 5);

    private static EventRecord End(SimulationResult result) => result.Events.Single(e => e.Kind == "migrate-end");

    [Fact]
    public void A_vm_that_dirties_nothing_is_sent_once_and_pauses_only_to_resume()
    {
        var result = Migrate(Dirtying("a", 0));
        Assert.Equal(["migrate-start", "migrate-end"], result.Events.Select(e => e.Kind));
        Near(Hours(2) + SimTime.FromSeconds((Memory / LinkBytesPerSecond) + Resume), End(result).Time);
        Assert.Equal(Resume * 1000, result.Applications[0].MigrationDowntimeMs, 3);
        Assert.Contains("1 round,", End(result).Detail, StringComparison.Ordinal);
        Assert.Equal(0, result.Hosts.Single(h => h.Name == "src").Guests);
        Assert.Equal(1, result.Hosts.Single(h => h.Name == "dst").Guests);
    }

    /// <summary>
    /// Dirtying 1 Gb/s against 8 Gb/s of link, each round is an eighth of the one before: 16 GiB, then 2 GiB, then
    /// 256 MiB, which fits in the 300 ms downtime target and is the stop-and-copy.
    /// </summary>
    [Fact]
    public void Each_round_resends_what_the_previous_one_dirtied_until_the_rest_fits_the_downtime_target()
    {
        var result = Migrate(Dirtying("a", 1e9));
        var ratio = 1e9 / 8 / LinkBytesPerSecond;
        var stopAndCopy = Memory * ratio * ratio;
        var total = (Memory * (1 + ratio + (ratio * ratio)) / LinkBytesPerSecond) + Resume;
        Near(Hours(2) + SimTime.FromSeconds(total), End(result).Time);
        Assert.Equal(((stopAndCopy / LinkBytesPerSecond) + Resume) * 1000, result.Applications[0].MigrationDowntimeMs, 2);
        Assert.Equal(result.Applications[0].MigrationDowntimeMs / 60_000, result.Applications[0].DowntimeMinutes, 6);
        Assert.Contains("2 rounds, 18.25 GiB sent", End(result).Detail, StringComparison.Ordinal);
        Assert.Contains("stop-and-copy of 256 MiB", End(result).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dirty_rate_scales_with_the_demand_level()
    {
        var half = Migrate(Dirtying("a", 2e9, level: 0.5));
        var full = Migrate(Dirtying("a", 1e9));
        Assert.Equal(End(full).Time, End(half).Time);
        Assert.Equal(full.Applications[0].MigrationDowntimeMs, half.Applications[0].MigrationDowntimeMs, 9);
    }

    [Theory]
    [InlineData(IoClass.Light, "dirtying 8 Mbps")]
    [InlineData(IoClass.Moderate, "dirtying 80 Mbps")]
    [InlineData(IoClass.Heavy, "dirtying 400 Mbps")]
    public void Without_a_dirty_rate_the_io_class_gives_one(IoClass io, string expected)
    {
        var result = Migrate(App("a", 1, io: io));
        Assert.Contains(expected, result.Events[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_that_dirties_faster_than_the_link_stops_after_a_round_that_did_not_shrink()
    {
        var result = Migrate(Dirtying("a", 16e9));
        var end = End(result);
        Assert.Contains("did not converge", end.Detail, StringComparison.Ordinal);
        Assert.Contains("stopped shrinking; 1 round", end.Detail, StringComparison.Ordinal);

        // The whole memory again, paused: 17.2 s of downtime.
        Assert.Equal(((Memory / LinkBytesPerSecond) + Resume) * 1000, result.Applications[0].MigrationDowntimeMs, 2);
    }

    [Fact]
    public void A_migration_that_shrinks_too_slowly_stops_and_copies_after_the_maximum_of_rounds()
    {
        // Each round 0.9 of the one before: it would need 39 rounds to reach 300 MB (and the 3x cap is lifted).
        var unbounded = FaultTimings.Default with { MigrationMaxSentFactor = double.PositiveInfinity };
        var result = Migrate(Dirtying("a", 0.9 * 8e9), unbounded);
        var end = End(result);
        Assert.Contains("maximum of 30 rounds; 30 rounds", end.Detail, StringComparison.Ordinal);
        var stopAndCopy = Memory * Math.Pow(0.9, 30);
        Assert.Equal(((stopAndCopy / LinkBytesPerSecond) + Resume) * 1000, result.Applications[0].MigrationDowntimeMs, 1);

        var fewer = Migrate(Dirtying("a", 0.9 * 8e9), unbounded with { MigrationMaxRounds = 5 });
        Assert.Contains("maximum of 5 rounds", End(fewer).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_copy_gives_up_once_it_has_sent_three_times_the_memory()
    {
        // 1 + 0.9 + 0.81 = 2.71 after three rounds, 3.44 after four: the stop-and-copy sends 0.9^4 of the memory.
        var result = Migrate(Dirtying("a", 0.9 * 8e9));
        Assert.Contains("did not converge before sending 3x its memory; 4 rounds", End(result).Detail, StringComparison.Ordinal);
        Assert.Equal(((Memory * Math.Pow(0.9, 4) / LinkBytesPerSecond) + Resume) * 1000, result.Applications[0].MigrationDowntimeMs, 1);
    }

    [Fact]
    public void Migrations_over_the_same_host_share_its_link_while_they_overlap()
    {
        var topology = new Topology
        {
            Hosts =
            [
                Host("src", 8, Free(HypervisorKind.BareMetal), [Vm16("v1", Dirtying("a", 0)), Vm16("v2", Dirtying("b", 0))]),
                Host("dst", 8, Free(HypervisorKind.BareMetal)),
                Host("other", 8, Free(HypervisorKind.BareMetal)),
            ],
        };
        var alone = Memory / LinkBytesPerSecond;

        // Together from the same source: each at half the pace, both done after twice the time.
        var both = Simulator.Run(topology, Day(new MigrateEvent(Hours(1), "v1", "dst"), new MigrateEvent(Hours(1), "v2", "other")));
        Assert.All(both.Events.Where(e => e.Kind == "migrate-end"), e => Near(Hours(1) + SimTime.FromSeconds((2 * alone) + Resume), e.Time));
        Assert.Contains("links shared with 1 other migration", both.Events[1].Detail, StringComparison.Ordinal);

        // The second starts when the first is half sent: halves share until the first ends (at 1.5 × alone), then
        // the second has the link to itself again and ends at 2 × alone after the first started.
        var staggered = Simulator.Run(topology, Day(new MigrateEvent(Hours(1), "v1", "dst"), new MigrateEvent(Hours(1) + SimTime.FromSeconds(alone / 2), "v2", "other")));
        var ends = staggered.Events.Where(e => e.Kind == "migrate-end").ToList();
        Near(Hours(1) + SimTime.FromSeconds((1.5 * alone) + Resume), ends.Single(e => e.Subject == "v1").Time);
        Near(Hours(1) + SimTime.FromSeconds((2 * alone) + Resume), ends.Single(e => e.Subject == "v2").Time);
    }

    [Fact]
    public void Migrations_over_different_hosts_do_not_share()
    {
        var topology = new Topology
        {
            Hosts =
            [
                Host("s1", 8, Free(HypervisorKind.BareMetal), [Vm16("v1", Dirtying("a", 0))]),
                Host("s2", 8, Free(HypervisorKind.BareMetal), [Vm16("v2", Dirtying("b", 0))]),
                Host("d1", 8, Free(HypervisorKind.BareMetal)),
                Host("d2", 8, Free(HypervisorKind.BareMetal)),
            ],
        };
        var result = Simulator.Run(topology, Day(new MigrateEvent(Hours(1), "v1", "d1"), new MigrateEvent(Hours(1), "v2", "d2")));
        Assert.All(result.Events.Where(e => e.Kind == "migrate-end"), e => Near(Hours(1) + SimTime.FromSeconds((Memory / LinkBytesPerSecond) + Resume), e.Time));
    }

    [Fact]
    public void The_link_fraction_is_overridable()
    {
        var result = Migrate(Dirtying("a", 0), FaultTimings.Default with { MigrationLinkFraction = 0.4 });
        Near(Hours(2) + SimTime.FromSeconds((2 * Memory / LinkBytesPerSecond) + Resume), End(result).Time);
    }

    [Fact]
    public void A_host_going_down_during_the_copy_aborts_it_and_the_guest_stays()
    {
        var result = Migrate(Dirtying("a", 0), null, new FailEvent(Hours(2) + SimTime.FromSeconds(5), "dst", Hours(1)));
        var aborted = Assert.Single(result.Events, e => e.Kind == "migrate-aborted");
        Assert.Contains("dst went down during the copy", aborted.Detail, StringComparison.Ordinal);
        Assert.Equal(1, result.Hosts.Single(h => h.Name == "src").Guests);
        Assert.Equal(0, result.Applications[0].MigrationDowntimeMs);
        Assert.Equal(0, result.Applications[0].DowntimeMinutes);
    }

    [Fact]
    public void A_migration_at_the_very_start_still_copies_the_guests_memory()
    {
        var topology = new Topology { Hosts = [Host("src", 8, Free(HypervisorKind.BareMetal), [Vm16("v", Dirtying("a", 0))]), Host("dst", 8, Free(HypervisorKind.BareMetal))] };
        var result = Simulator.Run(topology, Day(new MigrateEvent(0, "v", "dst")));
        Near(SimTime.FromSeconds((Memory / LinkBytesPerSecond) + Resume), End(result).Time);
    }

    [Fact]
    public void Bad_migration_timings_are_refused_before_the_run()
    {
        var error = Assert.Throws<SimulationSetupException>(() => Migrate(Dirtying("a", 0), FaultTimings.Default with { MigrationLinkFraction = 0, MigrationMaxRounds = 0, CodeCacheWarmUpTimeConstant = 0 }));
        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void The_json_adds_each_applications_migration_downtime_after_its_outages()
    {
        using var document = System.Text.Json.JsonDocument.Parse(ResultJsonWriter.ToJson(Migrate(Dirtying("a", 1e9))));
        var app = document.RootElement.GetProperty("applications")[0];
        var names = app.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("migrationDowntimeMs", names[names.IndexOf("outages") + 1]);
        var ratio = 1e9 / 8 / LinkBytesPerSecond;
        Assert.Equal(((Memory * ratio * ratio / LinkBytesPerSecond) + Resume) * 1000, app.GetProperty("migrationDowntimeMs").GetDouble(), 2);
    }

    /// <summary>
    /// A migration's bits cross the NICs beside the guests' traffic. A 256 GiB VM leaves at 8 Gb/s for about four and a
    /// half minutes while a neighbour serves 4 Gb/s of network traffic on the same 10 Gb/s NIC: the neighbour gets the
    /// 2 Gb/s left, half its demand, for those minutes, and the NIC shows saturated. With the migration held to half the
    /// link, both fit.
    /// </summary>
    [Fact]
    public void A_migration_takes_its_link_share_from_the_guests_network_traffic()
    {
        var web = new ApplicationSpec { Name = "web", Cpu = 1, Io = IoClass.Heavy, Iops = 10, DiskBytesPerSecond = 0, NetworkBitsPerSecond = 4e9 };
        var big = new VirtualMachineSpec { Name = "big", Vcpus = 2, MemoryBytes = 256 * GiB, Runs = [Dirtying("batch", 0)] };
        var topology = new Topology
        {
            Hosts = [Host("src", 8, Free(HypervisorKind.BareMetal), [big, Vm("front", 2, web)], memory: 512 * GiB), Host("dst", 8, Free(HypervisorKind.BareMetal), memory: 512 * GiB)],
        };
        var scenario = Day(new MigrateEvent(Hours(2), "big", "dst"));

        var shared = Simulator.Run(topology, scenario, Isolated);
        var seconds = SimTime.ToSeconds(End(shared).Time - Hours(2));
        var starved = shared.Applications.Single(a => a.Name == "web");
        Assert.InRange(1 - starved.DemandSatisfied, (Math.Floor(seconds / 60) - 1) * 0.5 / 1440, (Math.Ceiling(seconds / 60) + 1) * 0.5 / 1440);
        Assert.True(starved.DemandSatisfied < 1);
        Assert.Equal(1, shared.Hosts.Single(h => h.Name == "src").MaxNetworkUtilization, 9);

        var halfLink = Simulator.Run(topology, scenario, Isolated with { Timings = FaultTimings.Default with { MigrationLinkFraction = 0.5 } });
        Assert.Equal(1, halfLink.Applications.Single(a => a.Name == "web").DemandSatisfied, 9);
        Assert.Equal(0.9, halfLink.Hosts.Single(h => h.Name == "src").MaxNetworkUtilization, 2);
    }
}
