using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using VirtLang.Tests.Shared;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>Every event kind, and the blast radius of each fault per hypervisor kind.</summary>
public class ScenarioEventTests
{
    private static ApplicationResult AppOf(SimulationResult result, string name) => result.Applications.Single(a => a.Name == name);

    private static HostSpec Mixed(string name, HypervisorKind kind)
    {
        var hypervisor = Free(kind);
        return kind switch
        {
            HypervisorKind.OsLevel => Host(name, 16, hypervisor, [Container($"{name}-c1", 1, true, App($"{name}-a", 1)), Container($"{name}-c2", 1, true, App($"{name}-b", 1))]),
            HypervisorKind.None => Host(name, 16, hypervisor, runs: [App($"{name}-a", 1), App($"{name}-b", 1)]),
            _ => Host(name, 16, hypervisor, [Vm($"{name}-v1", 2, App($"{name}-a", 1)), Vm($"{name}-v2", 2, App($"{name}-b", 1))]),
        };
    }

    [Fact]
    public void A_failed_host_takes_everything_on_it_until_repaired()
    {
        var topology = new Topology { Hosts = [Mixed("h", HypervisorKind.BareMetal)] };
        var result = Simulator.Run(topology, Day(new FailEvent(Hours(4), "h", Hours(2))));
        Assert.All(result.Applications, a =>
        {
            Assert.Equal(120, a.DowntimeMinutes, 9);
            Assert.Equal(1 - (2.0 / 24), a.Availability, 9);
            Assert.Equal((240.0, 360.0), Assert.Single(a.Outages));
        });
        Assert.Equal(120, result.Hosts[0].DowntimeMinutes, 9);
        Assert.Equal(["fail", "repair"], result.Events.Select(e => e.Kind));
        Assert.Equal(Hours(6), result.Events[1].Time);

        // Down, the host serves nothing and draws nothing.
        Assert.Equal(22.0 / 24, result.Applications[0].DemandSatisfied, 9);
    }

    [Fact]
    public void A_host_failed_without_repair_stays_down_to_the_end()
    {
        var result = Simulator.Run(new Topology { Hosts = [Mixed("h", HypervisorKind.None)] }, Day(new FailEvent(Hours(20), "h")));
        Assert.All(result.Applications, a => Assert.Equal(240, a.DowntimeMinutes, 9));
        Assert.Contains("not repaired", result.Events[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replica_on_another_host_keeps_the_application_available_and_takes_its_load()
    {
        var web = App("web", 1);
        var topology = new Topology
        {
            Hosts =
            [
                Host("h1", 8, Free(HypervisorKind.BareMetal), [Vm("w1", 2, web)]),
                Host("h2", 8, Free(HypervisorKind.BareMetal), [Vm("w2", 2, web)]),
            ],
        };
        var result = Simulator.Run(topology, Day(new FailEvent(Hours(0), "h1", Hours(12))));
        var app = Assert.Single(result.Applications);
        Assert.Equal(1, app.Availability, 9);
        Assert.Equal(0, app.DowntimeMinutes, 9);
        Assert.Equal(1, app.DemandSatisfied, 9);

        // Without load shift the failed replica's half of the demand is dropped for 12 hours of 24.
        var dropped = Simulator.Run(topology, Day(new FailEvent(Hours(0), "h1", Hours(12))), new SimulationOptions { LoadShift = false });
        Assert.Equal(0.75, Assert.Single(dropped.Applications).DemandSatisfied, 9);
    }

    /// <summary>The blast radius table of simulation.md: what one crash takes, per hypervisor kind and target.</summary>
    [Theory]
    [InlineData(HypervisorKind.OsLevel, "h-c1", new[] { "h-a" }, 5.0 / 60)]       // a container: only itself, seconds
    [InlineData(HypervisorKind.OsLevel, "h", new[] { "h-a", "h-b" }, 5.0)]         // the shared kernel: every container
    [InlineData(HypervisorKind.Hosted, "h-v1", new[] { "h-a" }, 1.0)]              // a guest OS: only that VM, a minute
    [InlineData(HypervisorKind.Hosted, "h", new[] { "h-a", "h-b" }, 5.0)]          // the host OS under a hosted hypervisor: every VM
    [InlineData(HypervisorKind.BareMetal, "h-v2", new[] { "h-b" }, 1.0)]
    [InlineData(HypervisorKind.Paravirtual, "h-v1", new[] { "h-a" }, 1.0)]
    [InlineData(HypervisorKind.None, "h", new[] { "h-a", "h-b" }, 5.0)]
    public void Blast_radius(HypervisorKind kind, string target, string[] down, double minutes)
    {
        var result = Simulator.Run(new Topology { Hosts = [Mixed("h", kind)] }, Day(new CrashEvent(Hours(3), target)));
        foreach (var app in result.Applications)
        {
            Assert.Equal(down.Contains(app.Name) ? minutes : 0, app.DowntimeMinutes, 9);
        }

        Assert.Equal(["crash", "restart"], result.Events.Select(e => e.Kind));
    }

    private static HostSpec Xen() => Host("xen", 8, Free(HypervisorKind.Paravirtual),
        [new VirtualMachineSpec { Name = "dom0", Vcpus = 1, MemoryBytes = 2 * GiB, Privileged = true }, Vm("db", 2, App("db", 1)), Vm("web", 2, App("web", 1))]);

    [Fact]
    public void A_driver_domain_crash_reboots_its_host_by_default()
    {
        var result = Simulator.Run(new Topology { Hosts = [Xen()] }, Day(new CrashEvent(Hours(1), "dom0")));
        Assert.All(result.Applications, a => Assert.Equal(5, a.DowntimeMinutes, 9));
        Assert.Equal(5, result.Hosts[0].DowntimeMinutes, 9);
        Assert.Contains("control domain: its crash reboots the host", result.Events[0].Detail, StringComparison.Ordinal);
        Assert.Equal(["crash", "restart"], result.Events.Select(e => e.Kind));
        Assert.Equal("xen", result.Events[1].Subject);
    }

    [Fact]
    public void A_restartable_driver_domain_takes_every_guests_io_until_it_has_restarted()
    {
        var options = new SimulationOptions { Timings = FaultTimings.Default with { RestartableDriverDomain = true } };
        var result = Simulator.Run(new Topology { Hosts = [Xen()] }, Day(new CrashEvent(Hours(1), "dom0")), options);
        Assert.All(result.Applications, a => Assert.Equal(1, a.DowntimeMinutes, 9));
        Assert.Equal(0, result.Hosts[0].DowntimeMinutes, 9);
        Assert.Contains("owns the drivers", result.Events[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("os", "hypervisor is os_level")]
    [InlineData("old", "lacks ept")]
    [InlineData("dom0", "privileged guest")]
    public void A_migration_that_does_not_fit_is_refused_and_the_guest_stays(string target, string reason)
    {
        var vm = new VirtualMachineSpec { Name = "v", Vcpus = 2, MemoryBytes = 4 * GiB, Runs = [App("a", 1)] };
        var dom0 = new VirtualMachineSpec { Name = "dom0", Vcpus = 1, MemoryBytes = 2 * GiB, Privileged = true };
        var topology = new Topology
        {
            Hosts =
            [
                Host("src", 8, Free(HypervisorKind.BareMetal), [vm]),
                Host("os", 8, Free(HypervisorKind.OsLevel)),
                Host("old", 8, Free(HypervisorKind.BareMetal), features: CpuFeatures.Vtx),
                Host("xen", 8, Free(HypervisorKind.Paravirtual), [dom0]),
                Host("xen2", 8, Free(HypervisorKind.Paravirtual)),
            ],
        };
        var e = target == "dom0" ? new MigrateEvent(Hours(1), "dom0", "xen2") : new MigrateEvent(Hours(1), "v", target);
        var result = Simulator.Run(topology, Day(e));
        var refused = Assert.Single(result.Events);
        Assert.Equal("migrate-refused", refused.Kind);
        Assert.Contains(reason, refused.Detail, StringComparison.Ordinal);
        Assert.Equal(1, result.Hosts.Single(h => h.Name == "src").Guests);
    }

    [Fact]
    public void A_host_patch_under_os_level_reboots_the_host_with_every_container_and_reports_broken_certifications()
    {
        var certified = new PatchRequirement([(PatchComparison.GreaterOrEqual, "2024.03"), (PatchComparison.Less, "2025")], ">= 2024.03, < 2025");
        var strict = App("strict", 1, patch: certified);
        var host = new HostSpec
        {
            Name = "zones",
            Cpu = Cpu(16),
            MemoryBytes = 64 * GiB,
            Patch = "2024.05",
            Hypervisor = Free(HypervisorKind.OsLevel),
            Guests = [Container("z1", 1, true, strict), Container("z2", 1, true, App("easy", 1)), Container("z3", 1, true, App("other", 1))],
            Runs = [App("own", 1)],
        };
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(new PatchEvent(Hours(5), "zones", "2025.01")));
        Assert.Equal(["patch", "certification-broken", "restart"], result.Events.Select(e => e.Kind));
        Assert.Contains("shared kernel to 2025.01: host reboots with 3 containers, 1 application on the host", result.Events[0].Detail, StringComparison.Ordinal);
        Assert.Equal("strict", result.Events[1].Subject);

        // The shared kernel needs the machine rebooted: every container and the host's own applications wait for it.
        Assert.All(result.Applications, a => Assert.Equal(5, a.DowntimeMinutes, 9));
        Assert.Equal(5, result.Hosts[0].DowntimeMinutes, 9);
    }

    [Fact]
    public void A_guest_patch_touches_one_vm()
    {
        var host = Host("h", 8, Free(HypervisorKind.BareMetal), [Vm("v1", 2, App("a", 1)), Vm("v2", 2, App("b", 1))]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(new PatchEvent(Hours(1), "v1", "2024.06")));
        Assert.Equal(1, AppOf(result, "a").DowntimeMinutes, 9);
        Assert.Equal(0, AppOf(result, "b").DowntimeMinutes, 9);
    }

    [Fact]
    public void A_container_cannot_be_patched_apart_from_its_kernel()
    {
        var host = Host("h", 8, Free(HypervisorKind.OsLevel), [Container("c", 1, true, App("a", 1))]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(new PatchEvent(Hours(1), "c", "2024.06")));
        var e = Assert.Single(result.Events);
        Assert.Equal("patch-refused", e.Kind);
        Assert.Contains("patch h instead", e.Detail, StringComparison.Ordinal);
        Assert.Equal(0, result.Applications[0].DowntimeMinutes);
    }

    [Fact]
    public void A_host_patch_under_a_hypervisor_reboots_the_host()
    {
        var result = Simulator.Run(new Topology { Hosts = [Mixed("h", HypervisorKind.Hosted)] }, Day(new PatchEvent(Hours(1), "h", "2024.06")));
        Assert.All(result.Applications, a => Assert.Equal(5, a.DowntimeMinutes, 9));
    }

    [Fact]
    public void Scale_multiplies_demand_over_its_window()
    {
        // 1 core all day, tripled for 6 hours: 18 + 6 x 3 = 36 core-hours.
        var host = Host("h", 8, runs: [App("a", 1)]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(new ScaleEvent(Hours(6), "a", 3, Hours(12))));
        Assert.Equal(36, result.Applications[0].DemandCoreHours, 6);
        Assert.Equal(["scale", "scale-end"], result.Events.Select(e => e.Kind));
    }

    [Fact]
    public void An_event_naming_nothing_is_refused_before_the_run_with_every_problem()
    {
        var host = Host("h", 8, runs: [App("a", 1)]);
        var error = Assert.Throws<SimulationSetupException>(() => Simulator.Run(new Topology { Hosts = [host] },
            Day(new FailEvent(0, "nope") { Origin = "dc.vdl(9,3)" }, new ScaleEvent(0, "ghost", 2), new MigrateEvent(0, "x", "h"))));
        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith("dc.vdl(9,3): no host is named 'nope'", error.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Two_reasons_to_be_down_end_one_outage_once_both_are_over()
    {
        // The host fails from 1h to 3h; a VM crash at 2h restarts at 2h01 while the host is still down.
        var host = Host("h", 8, Free(HypervisorKind.BareMetal), [Vm("v", 2, App("a", 1))]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(new FailEvent(Hours(1), "h", Hours(2)), new CrashEvent(Hours(2), "v")));
        var app = result.Applications[0];
        Assert.Equal(120, app.DowntimeMinutes, 9);
        Assert.Single(app.Outages);
    }

    [Fact]
    public void A_host_failed_for_good_is_never_logged_back_up()
    {
        // Failed without repair at 1h; a host crash at 2h, a VM crash at 3h and patches of both find them down.
        var host = Host("h", 8, Free(HypervisorKind.BareMetal), [Vm("v", 2, App("a", 1))]);
        var result = Simulator.Run(new Topology { Hosts = [host] }, Day(
            new FailEvent(Hours(1), "h"), new CrashEvent(Hours(2), "h"), new CrashEvent(Hours(3), "v"), new PatchEvent(Hours(4), "h", "2"), new PatchEvent(Hours(5), "v", "2")));
        Assert.Equal(["fail", "crash-skipped", "crash-skipped", "patch-skipped", "patch-skipped"], result.Events.Select(e => e.Kind));
        Assert.All(result.Events, e => Assert.DoesNotContain("back", e.Detail, StringComparison.Ordinal));
        Assert.Equal("h is down since 1h: nothing runs there to crash", result.Events[1].Detail);
        Assert.Equal("v is down with its host h (down since 1h): nothing runs there to crash", result.Events[2].Detail);
        Assert.Equal(23 * 60, result.Hosts[0].DowntimeMinutes, 9);
        Assert.Equal(23 * 60, result.Applications[0].DowntimeMinutes, 9);
        EventLogReplay.AssertConsistent(new Topology { Hosts = [host] }, result, "failed for good");
    }

    [Fact]
    public void A_crash_or_patch_of_a_restarting_vm_is_skipped_and_a_failure_during_a_reboot_outlasts_it()
    {
        var host = Host("h", 8, Free(HypervisorKind.BareMetal), [Vm("v", 2, App("a", 1))]);
        var topology = new Topology { Hosts = [host] };
        var result = Simulator.Run(topology, Day(
            new CrashEvent(Hours(1), "v"), new PatchEvent(Hours(1) + Minutes(0.5), "v", "2"),
            new PatchEvent(Hours(2), "h", "2"), new FailEvent(Hours(2) + Minutes(1), "h", Hours(1))));
        Assert.Equal(["crash", "patch-skipped", "restart", "patch", "fail", "restart", "repair"], result.Events.Select(e => e.Kind));
        Assert.Contains("v is down (restarting or paused)", result.Events[1].Detail, StringComparison.Ordinal);
        Assert.Contains("still down", result.Events[5].Detail, StringComparison.Ordinal);
        Assert.Equal("host back up", result.Events[6].Detail);
        Assert.Equal(61, result.Hosts[0].DowntimeMinutes, 9);
        EventLogReplay.AssertConsistent(topology, result, "restarting");
    }
}
