using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using VirtLang.Tests.Shared;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// Random failures in runs (issue 13, item 3; item 8's theory tests at the runtime level): availability against the
/// alternating renewal formula, k-of-n replicas against the binomial, one stream per component, determinism, scripted
/// and random events on the same state, and the blast radius of each level.
/// </summary>
public sealed class RandomFailureTests
{
    private const long Day = SimTime.TicksPerDay;

    private static FailureSpec Exponential(double mtbfDays, double mttrDays) =>
        new() { Mtbf = (long)(mtbfDays * Day), Mttr = (long)(mttrDays * Day) };

    /// <summary>A long horizon sampled once a day: downtime is counted from event to event, so the step does not matter.</summary>
    private static ScenarioSpec Horizon(long duration, ulong seed = 42, params ScenarioEvent[] events) =>
        new() { Name = "long", Duration = duration, Step = Day, Seed = seed, Noise = 0, Events = events };

    /// <summary><paramref name="n"/> hosts, each failing on its own, each with one VM running one instance of <c>web</c>.</summary>
    private static Topology Replicas(int n, FailureSpec machine, ApplicationSpec? app = null)
    {
        app ??= App("web", 1);
        return new Topology
        {
            Hosts = [.. Enumerable.Range(1, n).Select(i => Failing(Host($"h{i}", 8, Free(HypervisorKind.BareMetal), [Vm($"w{i}", 2, app)]), machine))],
        };
    }

    private static HostSpec Failing(HostSpec host, FailureSpec? machine) => new()
    {
        Name = host.Name, Cpu = host.Cpu, MemoryBytes = host.MemoryBytes, Hypervisor = host.Hypervisor, Guests = host.Guests,
        Runs = host.Runs, Nics = host.Nics, Power = host.Power, Failures = machine,
    };

    private static ApplicationSpec Failing(string name, FailureSpec failures) =>
        new() { Name = name, Cpu = 1, Profile = new Profiles.ConstantProfile(1), Failures = failures };

    private static VirtualMachineSpec VmOn(string name, OperatingSystemSpec os, ApplicationSpec app) =>
        new() { Name = name, Vcpus = 2, MemoryBytes = 4 * GiB, Os = os, Runs = [app] };

    /// <summary>
    /// MTBF m, MTTR r, both exponential: the long-run fraction of time up is m ÷ (m + r). The tolerance is four standard
    /// deviations of the estimate over N cycles, √2 m r ÷ (√N (m + r)²) (the delta method on up ÷ (up + down)).
    /// </summary>
    [Theory]
    [InlineData(10.0, 1.0, 42UL)]
    [InlineData(10.0, 1.0, 7UL)]
    [InlineData(30.0, 0.25, 42UL)]
    public void A_single_host_is_available_mtbf_over_mtbf_plus_mttr(double m, double r, ulong seed)
    {
        var duration = ScenarioLimits.MaxTime;
        var result = Simulator.Run(Replicas(1, Exponential(m, r)), Horizon(duration, seed));

        var cycles = (double)duration / ((m + r) * Day);
        var sigma = Math.Sqrt(2) * m * r / (Math.Sqrt(cycles) * (m + r) * (m + r));
        var expected = m / (m + r);
        var host = 1 - (SimTime.FromMinutes(result.Hosts[0].DowntimeMinutes) / (double)duration);
        Assert.InRange(host, expected - (4 * sigma), expected + (4 * sigma));
        Assert.Equal(host, result.Applications[0].Availability, 6);

        // As many failures as cycles, within the Poisson spread of their count.
        var failures = result.Events.Count(e => e.Kind == "random-fail");
        Assert.InRange(failures, cycles - (5 * Math.Sqrt(cycles)), cycles + (5 * Math.Sqrt(cycles)));
    }

    /// <summary>
    /// n replicas on n independently failing hosts: the application is down only while all are, a fraction (1 − A)^n
    /// of the time. The tolerance is four standard deviations of a compound Poisson sum of K outages of exponential
    /// length: √(2 ÷ K) of the expected downtime.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void At_least_one_of_n_replicas_is_up_as_the_binomial_says(int n)
    {
        const double m = 10;
        const double r = 2;
        var duration = ScenarioLimits.MaxTime;
        var result = Simulator.Run(Replicas(n, Exponential(m, r)), Horizon(duration));
        var web = Assert.Single(result.Applications);

        var unavailable = Math.Pow(r / (m + r), n);
        var outages = web.Outages.Count;
        Assert.True(outages > 30, $"only {outages} outages: the horizon is too short to test against theory");
        var tolerance = 4 * Math.Sqrt(2.0 / outages) * unavailable;
        Assert.InRange(1 - web.Availability, unavailable - tolerance, unavailable + tolerance);
    }

    [Fact]
    public void Adding_a_component_does_not_change_another_components_failures()
    {
        var machine = Exponential(5, 0.5);
        var alone = Simulator.Run(Replicas(1, machine), Horizon(365 * Day));
        var more = Replicas(2, machine, Failing("web", Exponential(3, 0.1)));

        // One more host, failing on its own, and the application's instances failing too: h1's machine failures are the same.
        var withMore = Simulator.Run(more, Horizon(365 * Day));
        static List<long> MachineFailures(SimulationResult r) =>
            [.. r.Events.Where(e => e.Subject == "h1" && e.Kind == "random-fail").Select(e => e.Time)];
        Assert.NotEmpty(MachineFailures(alone));
        Assert.Equal(MachineFailures(alone), MachineFailures(withMore));
        Assert.Contains(withMore.Events, e => e.Subject == "h2" && e.Kind == "random-fail");
        Assert.Contains(withMore.Events, e => e.Subject == "web@w1" && e.Kind == "random-fail");
        Assert.NotEqual(MachineFailures(withMore), [.. withMore.Events.Where(e => e.Subject == "h2" && e.Kind == "random-fail").Select(e => e.Time)]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_failures()
    {
        var topology = Replicas(3, Exponential(5, 0.5), Failing("web", new FailureSpec { Mtbf = 2 * Day, Mttr = SimTime.TicksPerHour, Distribution = FailureDistribution.Weibull, Shape = 1.5 }));
        var a = ResultJsonWriter.ToJson(Simulator.Run(topology, Horizon(90 * Day, 9)));
        var b = ResultJsonWriter.ToJson(Simulator.Run(topology, Horizon(90 * Day, 9)));
        var c = ResultJsonWriter.ToJson(Simulator.Run(topology, Horizon(90 * Day, 10)));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains("random-fail", a, StringComparison.Ordinal);
    }

    /// <summary>
    /// A host failed by a script and at random at once comes back only when both are over: its downtime is the union
    /// of the scripted outage and the random ones, as read from the log.
    /// </summary>
    [Fact]
    public void Scripted_and_random_failures_of_one_host_add_up_as_a_union()
    {
        var topology = Replicas(1, new FailureSpec { Mtbf = Day, Mttr = 6 * SimTime.TicksPerHour });
        var result = Simulator.Run(topology, Horizon(60 * Day, 42, new FailEvent(10 * Day, "h1", 20 * Day)));

        var intervals = new List<(long From, long To)>();
        long? open = null;
        foreach (var e in result.Events.Where(e => e.Subject == "h1"))
        {
            switch (e.Kind)
            {
                case "random-fail": open = e.Time; break;
                case "random-repair": intervals.Add((open!.Value, e.Time)); open = null; break;
                case "fail": intervals.Add((e.Time, e.Time + (20 * Day))); break;
            }
        }

        if (open is { } still)
        {
            intervals.Add((still, 60 * Day));
        }

        var union = 0L;
        var reach = long.MinValue;
        foreach (var (from, to) in intervals.OrderBy(i => i.From))
        {
            var start = Math.Max(from, reach);
            if (to > start)
            {
                union += to - start;
            }

            reach = Math.Max(reach, to);
        }

        Assert.Equal(SimTime.ToMinutes(union), result.Hosts[0].DowntimeMinutes, 6);

        // Random failures go on while the script holds the host down; their repairs say it is still down.
        Assert.Contains(result.Events, e => e.Kind == "random-repair" && e.Time > 10 * Day && e.Time < 30 * Day && e.Detail.Contains("still down", StringComparison.Ordinal));
        var scriptedRepair = Assert.Single(result.Events, e => e.Kind == "repair");
        Assert.Equal(30 * Day, scriptedRepair.Time);
    }

    /// <summary>
    /// Every level failing often, with scripted failures, crashes and patches on the same hosts and guests: the log
    /// alone, replayed with the blast-radius rules, gives every host's and application's downtime and outages as the
    /// tables have them, and every "back up" and "skipped" it says is true.
    /// </summary>
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void The_log_of_random_and_scripted_failures_replays_to_the_tables(ulong seed)
    {
        var flaky = new OperatingSystemSpec("flaky", "linux", "1") { Failures = new FailureSpec { Mtbf = 2 * Day, Mttr = SimTime.TicksPerHour, Repair = RepairDistribution.Lognormal, RepairSigma = 1 } };
        var web = Failing("web", new FailureSpec { Mtbf = Day, Mttr = 3 * SimTime.TicksPerHour, Distribution = FailureDistribution.Weibull, Shape = 0.8 });
        var db = Failing("db", new FailureSpec { Mtbf = 3 * Day, Mttr = 2 * SimTime.TicksPerHour, Distribution = FailureDistribution.Lognormal, Sigma = 1.2 });
        var crashing = Free(HypervisorKind.BareMetal) with { Failures = new FailureSpec { Mtbf = 4 * Day, Mttr = 30 * SimTime.TicksPerMinute } };
        var topology = new Topology
        {
            Hosts =
            [
                Failing(Host("h1", 8, crashing, [VmOn("v1", flaky, web), Vm("v2", 2, db)]), Exponential(6, 0.5)),
                Failing(Host("h2", 8, Free(HypervisorKind.BareMetal), [VmOn("v3", flaky, web)]), Exponential(5, 1)),
                Failing(Host("h3", 8, Free(HypervisorKind.None), runs: [db]) , null),
            ],
        };
        var scenario = Horizon(60 * Day, seed,
            new FailEvent(5 * Day, "h1", 3 * Day), new CrashEvent(6 * Day, "v3"), new CrashEvent(20 * Day, "h2"),
            new PatchEvent(30 * Day, "v1", "2"), new FailEvent(40 * Day, "h3", Day)) with
        { Step = SimTime.TicksPerHour };
        var result = Simulator.Run(topology, scenario);
        Assert.Contains(result.Events, e => e.Kind == "random-skipped");
        Assert.Contains(result.Events, e => e.Kind == "random-fail" && e.Subject == "db@h3");
        EventLogReplay.AssertConsistent(topology, result, $"seed {seed}");
    }

    [Fact]
    public void An_application_failure_takes_its_instance_and_leaves_its_guest_and_host_up()
    {
        var web = Failing("web", new FailureSpec { Mtbf = Day, Mttr = 2 * SimTime.TicksPerHour });
        var db = App("db", 1);
        var topology = new Topology
        {
            Hosts =
            [
                Host("h1", 8, Free(HypervisorKind.BareMetal), [Vm("v1", 4, web, db)]),
                Host("h2", 8, Free(HypervisorKind.BareMetal), [Vm("v2", 4, App("other", 1))]),
            ],
        };
        var result = Simulator.Run(topology, Horizon(30 * Day));
        var webResult = result.Applications.Single(a => a.Name == "web");
        var dbResult = result.Applications.Single(a => a.Name == "db");
        Assert.InRange(webResult.Availability, 0.8, 0.99);
        Assert.InRange(webResult.DemandSatisfied, 0.8, 0.99);
        Assert.Equal(1, dbResult.Availability);
        Assert.Equal(1, dbResult.DemandSatisfied, 9);
        Assert.All(result.Hosts, h => Assert.Equal(0, h.DowntimeMinutes));
        Assert.All(result.Events.Where(e => e.Kind.StartsWith("random", StringComparison.Ordinal)), e => Assert.Equal("web@v1", e.Subject));
    }

    [Fact]
    public void A_guest_os_crash_takes_only_the_vms_running_that_os()
    {
        var flaky = new OperatingSystemSpec("flaky", "linux", "1") { Failures = new FailureSpec { Mtbf = 2 * Day, Mttr = SimTime.TicksPerHour, Repair = RepairDistribution.Fixed } };
        var steady = new OperatingSystemSpec("steady", "linux", "1");
        var topology = new Topology
        {
            Hosts =
            [
                Host("h1", 8, Free(HypervisorKind.BareMetal), [VmOn("a", flaky, App("on-flaky", 1)), VmOn("b", steady, App("on-steady", 1))]),
            ],
        };
        var result = Simulator.Run(topology, Horizon(60 * Day));
        var crashes = result.Events.Where(e => e.Kind == "random-fail").ToList();
        Assert.NotEmpty(crashes);
        Assert.All(crashes, e => Assert.Equal("a", e.Subject));

        // A fixed repair: each crash is down exactly an hour.
        var flakyDown = result.Applications.Single(a => a.Name == "on-flaky").DowntimeMinutes;
        Assert.Equal(60.0 * result.Events.Count(e => e.Kind == "random-repair"), flakyDown, 6);
        Assert.Equal(1, result.Applications.Single(a => a.Name == "on-steady").Availability);
    }

    [Fact]
    public void A_hypervisor_crash_on_a_failed_host_is_skipped()
    {
        var hypervisor = Free(HypervisorKind.BareMetal) with { Failures = new FailureSpec { Mtbf = SimTime.TicksPerHour, Mttr = SimTime.TicksPerMinute } };
        var topology = new Topology { Hosts = [Host("h1", 8, hypervisor, [Vm("w1", 2, App("web", 1))])] };
        var result = Simulator.Run(topology, Horizon(10 * Day, 42, new FailEvent(2 * Day, "h1", 3 * Day)));
        var skipped = result.Events.Where(e => e.Kind == "random-skipped").ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, e => Assert.InRange(e.Time, 2 * Day, 5 * Day));
        Assert.DoesNotContain(result.Events, e => e.Kind == "random-fail" && e.Time >= 2 * Day && e.Time < 5 * Day);
        Assert.Contains(result.Events, e => e.Kind == "random-fail" && e.Detail.Contains("hypervisor crash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_without_random_failures_runs_as_a_model_without_failures_blocks()
    {
        var with = Replicas(2, Exponential(5, 0.5));
        var without = new Topology { Hosts = [.. with.Hosts.Select(h => Failing(h, null))] };
        var scenario = Horizon(30 * Day, 42, new FailEvent(3 * Day, "h1", Day));
        var off = Simulator.Run(with, scenario with { RandomFailures = false });
        var none = Simulator.Run(without, scenario);
        Assert.Equal(ResultJsonWriter.ToJson(none), ResultJsonWriter.ToJson(off));
        Assert.NotEqual(none.Fingerprint, Simulator.Run(with, scenario).Fingerprint);
    }

    [Fact]
    public void A_run_stops_drawing_at_the_bound_and_says_so()
    {
        var topology = Replicas(1, new FailureSpec { Mtbf = SimTime.TicksPerMinute, Mttr = SimTime.TicksPerSecond, Repair = RepairDistribution.Fixed });
        var result = Simulator.Run(topology, Horizon(100 * Day));
        Assert.Equal(RandomFailureLimits.MaxFailures, result.Events.Count(e => e.Kind is "random-fail" or "random-skipped"));
        Assert.Single(result.Events, e => e.Kind == "random-capped");
    }

    [Fact]
    public void An_impossible_spec_built_by_hand_is_refused_before_the_run()
    {
        var topology = Replicas(1, new FailureSpec { Mtbf = 0, Mttr = SimTime.TicksPerHour });
        var refused = Assert.Throws<SimulationSetupException>(() => Simulator.Run(topology, Horizon(Day)));
        Assert.Contains("h1", refused.Message, StringComparison.Ordinal);
    }
}
