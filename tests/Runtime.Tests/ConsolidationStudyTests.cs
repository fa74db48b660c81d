using VirtLang.Runtime.Analysis;
using VirtLang.Runtime.Model;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

public class ConsolidationStudyTests
{
    private static readonly Platform Containers = Platform.Story.Single(p => p.Kind == HypervisorKind.OsLevel);
    private static readonly Platform Xen = Platform.Story.Single(p => p.Kind == HypervisorKind.Paravirtual);
    private static readonly Platform Dedicated = Platform.Story.Single(p => p.Kind == HypervisorKind.None);

    [Fact]
    public void Without_a_hypervisor_each_application_has_its_own_server()
    {
        var topology = ConsolidationStudy.Build([App("a", 1), App("b", 1), App("c", 1)], Host("server", 8), Dedicated, 3);
        Assert.Equal(3, topology.Hosts.Count);
        Assert.All(topology.Hosts, h => Assert.Single(h.Runs));
        Assert.All(topology.Hosts, h => Assert.Empty(h.Guests));
    }

    [Fact]
    public void A_paravirtual_host_runs_its_dom0_beside_one_vm_per_application()
    {
        var topology = ConsolidationStudy.Build([App("a", 2.5), App("b", 1)], Host("server", 8), Xen, 1);
        var guests = Assert.Single(topology.Hosts).Guests.Cast<VirtualMachineSpec>().ToList();
        Assert.Equal(3, guests.Count);
        Assert.Single(guests, g => g.Privileged && g.Runs.Count == 0);
        Assert.Equal(3, guests.Single(g => g.Runs.Count == 1 && g.Runs[0].Name == "a").Vcpus);
    }

    [Fact]
    public void Placement_puts_the_largest_peak_on_the_least_loaded_host()
    {
        var topology = ConsolidationStudy.Build([App("small", 1), App("big", 4), App("mid", 3)], Host("server", 8), Containers, 2);
        Assert.Equal(["big"], topology.Hosts[0].Guests.SelectMany(g => g.Runs).Select(a => a.Name));
        Assert.Equal(["mid", "small"], topology.Hosts[1].Guests.SelectMany(g => g.Runs).Select(a => a.Name));
    }

    [Fact]
    public void The_fewest_hosts_are_those_that_serve_every_application()
    {
        // On 8 cores: two applications of 2.5 busy cores share one host within the planning headroom (62.5 % at
        // p95), plus the spare; two of 3 would be 75 %, so each gets its own; one of 6 is past the headroom even alone.
        var outcome = ConsolidationStudy.Run([App("a", 2.5), App("b", 2.5)], Host("server", 8), Containers, Day());
        Assert.Equal(1 + ConsolidationStudy.SpareHosts, outcome.HostsNeeded);
        Assert.True(outcome.Fits);
        Assert.InRange(outcome.MeanUtilization, 0.62, 0.63);
        Assert.Equal(2 + ConsolidationStudy.SpareHosts, ConsolidationStudy.Run([App("a", 3), App("b", 3)], Host("server", 8), Containers, Day()).HostsNeeded);
        Assert.False(ConsolidationStudy.Run([App("a", 6), App("b", 6)], Host("server", 8), Containers, Day()).Fits);
    }

    [Fact]
    public void An_application_larger_than_any_server_does_not_fit_and_says_so()
    {
        var outcome = ConsolidationStudy.Run([App("huge", 100)], Host("server", 8), Containers, Day());
        Assert.False(outcome.Fits);
        Assert.Equal(1, outcome.HostsNeeded);
    }
}
