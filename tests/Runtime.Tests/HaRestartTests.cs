using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using VirtLang.Tests.Shared;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>HA restart (issue 13, item 2): a failed host's guests restart on the cluster's other hosts that have room.</summary>
public class HaRestartTests
{
    private static Topology Cluster(IReadOnlyList<HostSpec> hosts, bool ha = true, long? delay = null, double memoryOvercommit = 1, double cpuOvercommit = 4) => new()
    {
        Hosts = hosts,
        Clusters =
        [
            new ClusterSpec
            {
                Name = "prod",
                Hosts = hosts,
                Ha = ha,
                RestartDelay = delay ?? ClusterSpec.DefaultRestartDelay,
                MemoryOvercommit = memoryOvercommit,
                CpuOvercommit = cpuOvercommit,
            },
        ],
    };

    /// <summary>The case: a VM on a failed host of a two-host HA cluster whose other host idles.</summary>
    private static Topology IdleSurvivor(bool ha = true, long? delay = null)
    {
        var web = App("web", 1);
        return Cluster(
        [
            Host("esx-01", 8, Free(HypervisorKind.BareMetal), [Vm("web-1", 2, web)]),
            Host("esx-02", 8, Free(HypervisorKind.BareMetal)),
        ], ha, delay);
    }

    private static ScenarioSpec FailFor4h(string host = "esx-01") => Day(new FailEvent(Hours(8), host, Hours(4)));

    private static EventRecord Single(SimulationResult result, string kind) => Assert.Single(result.Events, e => e.Kind == kind);

    /// <summary>Item 8, "HA restart time against its policy": down exactly the restart delay plus the VM's boot, then served elsewhere.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData(30L * SimTime.TicksPerSecond)]
    [InlineData(2L * SimTime.TicksPerMinute)]
    public void A_vm_is_down_for_the_restart_delay_and_its_boot_then_serves_on_the_survivor(long? delay)
    {
        var topology = IdleSurvivor(delay: delay);
        var result = Simulator.Run(topology, FailFor4h());
        var web = Assert.Single(result.Applications);

        var expected = SimTime.ToMinutes((delay ?? ClusterSpec.DefaultRestartDelay) + FaultTimings.Default.VmRestart);
        Assert.Equal(expected, web.DowntimeMinutes, 9);
        var outage = Assert.Single(web.Outages);
        Assert.Equal(480, outage.From, 9);
        Assert.Equal(480 + expected, outage.To, 9);

        var restart = Single(result, "ha-restart");
        Assert.Equal("web-1", restart.Subject);
        Assert.StartsWith("from esx-01 to esx-02 ", restart.Detail, StringComparison.Ordinal);
        Assert.Contains(result.Events, e => e.Kind == "restart" && e.Subject == "web-1" && e.Detail == "back up on esx-02 after an HA restart");

        // It serves from the survivor through the outage, and stays there after the repair (no DRS to move it back).
        var survivor = result.Hosts.Single(h => h.Name == "esx-02");
        Assert.Equal(1.0 / 8, survivor.Series[600], 6);
        Assert.Equal(1.0 / 8, survivor.Series[1000], 6);
        Assert.Equal(0, result.Hosts.Single(h => h.Name == "esx-01").Series[1000]);
        Assert.Equal(1, survivor.Guests);
        Assert.Equal(0, result.Hosts.Single(h => h.Name == "esx-01").Guests);
        // Only the steps at which it was down went unserved (a step is a minute; the outage began on one).
        Assert.Equal(1 - (Math.Ceiling(expected) / 1440), web.DemandSatisfied, 9);
        EventLogReplay.AssertConsistent(topology, result, "idle survivor");
    }

    [Fact]
    public void Without_ha_the_vm_waits_for_the_repair()
    {
        var result = Simulator.Run(IdleSurvivor(ha: false), FailFor4h());
        Assert.Equal(240, Assert.Single(result.Applications).DowntimeMinutes, 9);
        Assert.DoesNotContain(result.Events, e => e.Kind.StartsWith("ha-", StringComparison.Ordinal));
    }

    /// <summary>A cluster without HA runs exactly as the same hosts in no cluster: the same fingerprint, the same log.</summary>
    [Fact]
    public void A_cluster_without_ha_changes_nothing()
    {
        var plain = IdleSurvivor(ha: false);
        var unclustered = new Topology { Hosts = plain.Hosts };
        var a = Simulator.Run(plain, FailFor4h());
        var b = Simulator.Run(unclustered, FailFor4h());
        Assert.Equal(b.Fingerprint, a.Fingerprint);
        Assert.Equal(b.Events, a.Events);
    }

    /// <summary>The survivor's memory is full: the restart fails, with the guest's need and the largest free room.</summary>
    [Fact]
    public void A_full_cluster_reports_the_failed_restart_with_its_reason()
    {
        var web = App("web", 1);
        var other = App("other", 1);
        var topology = Cluster(
        [
            Host("esx-01", 8, Free(HypervisorKind.BareMetal), [Vm("web-1", 2, web)]),
            Host("esx-02", 8, Free(HypervisorKind.BareMetal), [new VirtualMachineSpec { Name = "big", Vcpus = 2, MemoryBytes = 62 * GiB, Runs = [other] }]),
        ]);
        var result = Simulator.Run(topology, FailFor4h());

        var failed = Single(result, "ha-failed");
        Assert.Equal("web-1", failed.Subject);
        Assert.Equal(Hours(8) + ClusterSpec.DefaultRestartDelay, failed.Time);
        Assert.Contains("needs 4 GiB with its overhead and 2 vCPUs, but the most free on a surviving host is 2 GiB and 30 vCPUs (esx-02)", failed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Events, e => e.Kind == "ha-restart");
        Assert.Equal(240, result.Applications.Single(a => a.Name == "web").DowntimeMinutes, 9);
        EventLogReplay.AssertConsistent(topology, result, "full cluster");
    }

    /// <summary>
    /// vSphere HA "waits for more unreserved capacity to become available, for example, due to a host coming back online,
    /// and then retries the placement": esx-03, the only host with room, is itself down from 7h to 10h when esx-01 fails
    /// at 8h; web-1 finds no room, waits, and restarts on esx-03 the moment it is back, instead of waiting for esx-01's
    /// repair at 12h.
    /// </summary>
    [Fact]
    public void A_guest_that_found_no_room_restarts_when_a_host_of_its_cluster_comes_back()
    {
        var web = App("web", 1);
        var other = App("other", 1);
        var topology = Cluster(
        [
            Host("esx-01", 8, Free(HypervisorKind.BareMetal), [Vm("web-1", 2, web)]),
            Host("esx-02", 8, Free(HypervisorKind.BareMetal), [new VirtualMachineSpec { Name = "big", Vcpus = 2, MemoryBytes = 62 * GiB, Runs = [other] }]),
            Host("esx-03", 8, Free(HypervisorKind.BareMetal)),
        ]);
        var result = Simulator.Run(topology, Day(new FailEvent(Hours(7), "esx-03", Hours(3)), new FailEvent(Hours(8), "esx-01", Hours(4))));

        Assert.Equal("web-1", Single(result, "ha-failed").Subject);
        var restart = Single(result, "ha-restart");
        Assert.Equal(Hours(10), restart.Time);
        Assert.StartsWith("from esx-01 to esx-03 (priority medium), when esx-03 came back with room", restart.Detail, StringComparison.Ordinal);
        Assert.Equal(120 + SimTime.ToMinutes(FaultTimings.Default.VmRestart), result.Applications.Single(a => a.Name == "web").DowntimeMinutes, 9);
        Assert.Equal(1, result.Hosts.Single(h => h.Name == "esx-03").Guests);
        EventLogReplay.AssertConsistent(topology, result, "retry when a host comes back");

        // A guest whose own host comes back first simply returns with it and stops waiting.
        var back = Simulator.Run(topology, Day(new FailEvent(Hours(7), "esx-03", Hours(6)), new FailEvent(Hours(8), "esx-01", Hours(4))));
        Assert.DoesNotContain(back.Events, e => e.Kind == "ha-restart");
        Assert.Equal(240, back.Applications.Single(a => a.Name == "web").DowntimeMinutes, 9);
    }

    /// <summary>The vCPUs under the CPU overcommit bound a restart as well as memory does.</summary>
    [Fact]
    public void The_cpu_overcommit_bounds_a_restart()
    {
        var web = App("web", 1);
        var topology = Cluster(
        [
            Host("esx-01", 4, Free(HypervisorKind.BareMetal), [Vm("web-1", 2, web)]),
            Host("esx-02", 4, Free(HypervisorKind.BareMetal), [Vm("busy", 3, App("other", 1))]),
        ], cpuOvercommit: 1);
        var result = Simulator.Run(topology, FailFor4h());
        Assert.Contains("and 1 vCPUs (esx-02)", Single(result, "ha-failed").Detail, StringComparison.Ordinal);
    }

    /// <summary>Room for one of two: the high-priority guest, declared second, gets it; the other reports why not.</summary>
    [Fact]
    public void Priority_then_declaration_order_decides_who_gets_the_room()
    {
        var topology = Cluster(
        [
            Host("esx-01", 8, Free(HypervisorKind.BareMetal),
            [
                new VirtualMachineSpec { Name = "batch", Vcpus = 1, MemoryBytes = 40 * GiB, Runs = [App("b", 0.5)] },
                new VirtualMachineSpec { Name = "db", Vcpus = 1, MemoryBytes = 40 * GiB, Runs = [App("d", 0.5)], RestartPriority = RestartPriority.High },
                new VirtualMachineSpec { Name = "never", Vcpus = 1, MemoryBytes = 1 * GiB, Runs = [App("n", 0.5)], RestartPriority = RestartPriority.Disabled },
            ]),
            Host("esx-02", 8, Free(HypervisorKind.BareMetal)),
        ]);
        var result = Simulator.Run(topology, FailFor4h());

        Assert.Equal("db", Single(result, "ha-restart").Subject);
        Assert.Equal("batch", Single(result, "ha-failed").Subject);
        Assert.Equal(240, result.Applications.Single(a => a.Name == "n").DowntimeMinutes, 9);
        Assert.Equal(1.25, result.Applications.Single(a => a.Name == "d").DowntimeMinutes, 9);
        EventLogReplay.AssertConsistent(topology, result, "priorities");
    }

    /// <summary>Of two survivors, the one with the most free memory takes the guest.</summary>
    [Fact]
    public void The_host_with_the_most_free_memory_is_chosen()
    {
        var topology = Cluster(
        [
            Host("a", 8, Free(HypervisorKind.BareMetal), [Vm("web-1", 2, App("web", 1))]),
            Host("b", 8, Free(HypervisorKind.BareMetal), [Vm("x", 1, App("x", 0.1))]),
            Host("c", 8, Free(HypervisorKind.BareMetal), [Vm("y", 1, App("y", 0.1))], memory: 128 * GiB),
        ]);
        var result = Simulator.Run(topology, FailFor4h("a"));
        Assert.StartsWith("from a to c ", Single(result, "ha-restart").Detail, StringComparison.Ordinal);
    }

    /// <summary>A container restarts only under os_level, on the same OS at a patch level its application is certified for.</summary>
    [Fact]
    public void A_container_restarts_on_a_compatible_os_level_host()
    {
        var linux = new OperatingSystemSpec("rhel", "linux", "9");
        var other = new OperatingSystemSpec("ubuntu", "linux", "24.04");
        var certified = new PatchRequirement([(PatchComparison.GreaterOrEqual, "9.4")], ">= 9.4");
        var api = App("api", 1, patch: certified);
        HostSpec Node(string name, OperatingSystemSpec os, string patch, HypervisorKind kind = HypervisorKind.OsLevel, params GuestSpec[] guests)
        {
            var host = Host(name, 8, Free(kind), guests);
            return new HostSpec
            {
                Name = host.Name, Cpu = host.Cpu, MemoryBytes = host.MemoryBytes, Hypervisor = host.Hypervisor, Guests = host.Guests,
                Nics = host.Nics, Power = host.Power, Os = os, Patch = patch,
            };
        }

        var topology = Cluster(
        [
            Node("k-01", linux, "9.4", HypervisorKind.OsLevel, Container("api-1", 1, true, api)),
            Node("k-02", linux, "9.2"),             // too old for api's certification
            Node("k-03", other, "9.4"),             // another OS
            Node("k-04", linux, "9.4", HypervisorKind.BareMetal), // no containers
            Node("k-05", linux, "9.6"),             // the one that fits, with the least memory free of none
        ]);
        var result = Simulator.Run(topology, FailFor4h("k-01"));

        Assert.StartsWith("from k-01 to k-05 ", Single(result, "ha-restart").Detail, StringComparison.Ordinal);
        var expected = SimTime.ToMinutes(ClusterSpec.DefaultRestartDelay + FaultTimings.Default.ContainerRestart);
        Assert.Equal(expected, result.Applications.Single().DowntimeMinutes, 9);
        EventLogReplay.AssertConsistent(topology, result, "container");

        // Without k-05 nothing is compatible, and the reason says what was looked for.
        var without = Cluster([.. topology.Hosts.Take(4)]);
        var failed = Single(Simulator.Run(without, FailFor4h("k-01")), "ha-failed");
        Assert.Contains("os_level with rhel at a patch level its applications are certified for", failed.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// A host crash reboots it in 5 minutes; the HA restart comes first, and the restarted guest stays on the survivor
    /// when the crashed host is back.
    /// </summary>
    [Fact]
    public void A_crashed_host_s_guests_restart_elsewhere_and_stay_there()
    {
        var topology = IdleSurvivor();
        var result = Simulator.Run(topology, Day(new CrashEvent(Hours(8), "esx-01")));

        Assert.Equal(1.25, Assert.Single(result.Applications).DowntimeMinutes, 9);
        Assert.Equal("back up with nothing on it", result.Events.Single(e => e.Kind == "restart" && e.Subject == "esx-01").Detail);
        Assert.Equal(1, result.Hosts.Single(h => h.Name == "esx-02").Guests);
        EventLogReplay.AssertConsistent(topology, result, "crash");
    }

    /// <summary>A host back before the restart delay is over keeps its guests: HA never declared it dead.</summary>
    [Fact]
    public void A_host_back_within_the_delay_keeps_its_guests()
    {
        var result = Simulator.Run(IdleSurvivor(delay: 10 * SimTime.TicksPerMinute), Day(new CrashEvent(Hours(8), "esx-01")));
        Assert.DoesNotContain(result.Events, e => e.Kind.StartsWith("ha-", StringComparison.Ordinal));
        Assert.Equal(5, Assert.Single(result.Applications).DowntimeMinutes, 9);
    }

    /// <summary>The survivor fails in its turn: the guest restarts again, back on the first host (repaired by then).</summary>
    [Fact]
    public void A_restarted_guest_restarts_again_when_its_new_host_fails()
    {
        var topology = IdleSurvivor();
        var result = Simulator.Run(topology, Day(new FailEvent(Hours(8), "esx-01", Hours(1)), new FailEvent(Hours(10), "esx-02", Hours(1))));

        var restarts = result.Events.Where(e => e.Kind == "ha-restart").Select(e => e.Detail[..e.Detail.IndexOf(" (", StringComparison.Ordinal)]).ToList();
        Assert.Equal(["from esx-01 to esx-02", "from esx-02 to esx-01"], restarts);
        Assert.Equal(2.5, Assert.Single(result.Applications).DowntimeMinutes, 9);
        EventLogReplay.AssertConsistent(topology, result, "twice");
    }

    /// <summary>The same inputs give the same run, HA included.</summary>
    [Fact]
    public void Ha_runs_are_deterministic()
    {
        var a = Simulator.Run(IdleSurvivor(), FailFor4h() with { Noise = 0.1 });
        var b = Simulator.Run(IdleSurvivor(), FailFor4h() with { Noise = 0.1 });
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a.Events, b.Events);
    }

    /// <summary>A host in two clusters follows the first's policy: HA in the second does not reach it.</summary>
    [Fact]
    public void A_host_in_two_clusters_follows_the_first()
    {
        var hosts = IdleSurvivor().Hosts;
        var topology = new Topology
        {
            Hosts = hosts,
            Clusters = [new ClusterSpec { Name = "first", Hosts = hosts }, new ClusterSpec { Name = "second", Hosts = hosts, Ha = true }],
        };
        var result = Simulator.Run(topology, FailFor4h());
        Assert.DoesNotContain(result.Events, e => e.Kind.StartsWith("ha-", StringComparison.Ordinal));
        Assert.Equal(240, Assert.Single(result.Applications).DowntimeMinutes, 9);
    }

    [Fact]
    public void An_impossible_policy_is_refused_before_the_run()
    {
        var bad = IdleSurvivor();
        var topology = new Topology { Hosts = bad.Hosts, Clusters = [new ClusterSpec { Name = "p", Hosts = bad.Hosts, Ha = true, AdmissionReserve = 1.5, RestartDelay = -1 }] };
        var error = Assert.Throws<SimulationSetupException>(() => Simulator.Run(topology, FailFor4h()));
        Assert.Contains("restart delay", error.Message, StringComparison.Ordinal);
        Assert.Contains("admission reserve", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A random machine failure (item 3) is unplanned like a scripted one: HA restarts its VM on the survivor.</summary>
    [Fact]
    public void A_random_machine_failure_restarts_its_vms_like_a_scripted_one()
    {
        var web = App("web", 1);
        var flaky = Host("esx-01", 8, Free(HypervisorKind.BareMetal), [Vm("web-1", 2, web)]);
        flaky = new HostSpec
        {
            Name = flaky.Name, Cpu = flaky.Cpu, MemoryBytes = flaky.MemoryBytes, Hypervisor = flaky.Hypervisor, Guests = flaky.Guests,
            Runs = flaky.Runs, Nics = flaky.Nics, Power = flaky.Power,
            Failures = new FailureSpec { Mtbf = 4 * SimTime.TicksPerHour, Mttr = 10 * SimTime.TicksPerHour, Repair = RepairDistribution.Fixed },
        };
        var topology = Cluster([flaky, Host("esx-02", 8, Free(HypervisorKind.BareMetal))]);
        var result = Simulator.Run(topology, Day());

        var failure = result.Events.First(e => e.Kind == "random-fail" && e.Subject == "esx-01");
        var restart = Single(result, "ha-restart");
        Assert.Equal("web-1", restart.Subject);
        Assert.Equal(failure.Time + ClusterSpec.DefaultRestartDelay, restart.Time);
        // Down for the delay and the boot only, not for the ten-hour repair.
        var expected = SimTime.ToMinutes(ClusterSpec.DefaultRestartDelay + FaultTimings.Default.VmRestart);
        Assert.Equal(expected, Assert.Single(result.Applications).DowntimeMinutes, 6);
        EventLogReplay.AssertConsistent(topology, result, "random failure with HA");
    }
}
