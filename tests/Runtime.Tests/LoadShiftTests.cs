using FsCheck.Xunit;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>Load shift (issue 13, item 1): a down instance's demand goes to the application's up instances.</summary>
public class LoadShiftTests
{
    private static readonly SimulationOptions Unshifted = new() { LoadShift = false };

    /// <summary>Two replicas of <c>web</c> (<paramref name="cpu"/> cores each) in 2-vCPU VMs on two 8-core hosts.</summary>
    private static Topology TwoReplicas(double cpu)
    {
        var web = App("web", cpu);
        return new Topology
        {
            Hosts =
            [
                Host("h1", 8, Free(HypervisorKind.BareMetal), [Vm("w1", 2, web)]),
                Host("h2", 8, Free(HypervisorKind.BareMetal), [Vm("w2", 2, web)]),
            ],
        };
    }

    private static ScenarioSpec FourHoursDownOfTwentyFour(params string[] hosts) =>
        Day([.. hosts.Select(h => (ScenarioEvent)new FailEvent(Hours(8), h, Hours(4)))]);

    /// <summary>The case of the issue: the survivor has room, so the failed replica's load is served there.</summary>
    [Fact]
    public void A_survivor_with_room_serves_the_failed_replicas_demand()
    {
        var scenario = FourHoursDownOfTwentyFour("h1");
        var shifted = Simulator.Run(TwoReplicas(1), scenario);
        var dropped = Simulator.Run(TwoReplicas(1), scenario, Unshifted);

        Assert.Equal(1, Assert.Single(shifted.Applications).DemandSatisfied, 9);
        Assert.Equal(1 - (4.0 / 24 / 2), Assert.Single(dropped.Applications).DemandSatisfied, 9);
        Assert.Equal(1, shifted.Applications[0].Availability, 9);
        Assert.Equal(4, shifted.Applications[0].ShiftedDemandCoreHours, 9);
        Assert.Equal(0, dropped.Applications[0].ShiftedDemandCoreHours);

        // The survivor carries both replicas' cores while h1 is down (minutes 480 to 720), its own before and after.
        var survivor = shifted.Hosts.Single(h => h.Name == "h2").Series;
        Assert.Equal(2.0 / 8, survivor[600], 6);
        Assert.Equal(1.0 / 8, survivor[300], 6);
        Assert.Equal(1.0 / 8, survivor[900], 6);
        Assert.Equal(1.0 / 8, dropped.Hosts.Single(h => h.Name == "h2").Series[600], 6);
    }

    /// <summary>1.5 cores each in 2 vCPUs: during the outage the survivor serves 2 of the 3 cores asked, and runs slower.</summary>
    [Fact]
    public void A_survivor_without_room_serves_what_its_vcpus_allow()
    {
        var scenario = FourHoursDownOfTwentyFour("h1");
        var shifted = Assert.Single(Simulator.Run(TwoReplicas(1.5), scenario).Applications);
        var dropped = Assert.Single(Simulator.Run(TwoReplicas(1.5), scenario, Unshifted).Applications);

        Assert.Equal(1 - (4.0 / 24 / 3), shifted.DemandSatisfied, 9);
        Assert.Equal(1 - (4.0 / 24 / 2), dropped.DemandSatisfied, 9);
        Assert.InRange(shifted.DemandSatisfied, dropped.DemandSatisfied + 1e-6, 1 - 1e-6);

        // The survivor got 2 of the 3 cores asked: that work ran 1.5 times slower; the dropped run never asked for it.
        Assert.True(shifted.MeanSlowdown > dropped.MeanSlowdown + 1e-6, $"{shifted.MeanSlowdown} vs {dropped.MeanSlowdown}");
    }

    [Fact]
    public void With_every_instance_down_nothing_is_served()
    {
        var result = Assert.Single(Simulator.Run(TwoReplicas(1), FourHoursDownOfTwentyFour("h1", "h2")).Applications);
        Assert.Equal(20.0 / 24, result.DemandSatisfied, 9);
        Assert.Equal(240, result.DowntimeMinutes, 9);
    }

    /// <summary>A crashed guest's share moves too, not only a failed host's; and it moves back when the guest is up.</summary>
    [Fact]
    public void A_crashed_guests_share_moves_while_it_restarts()
    {
        var scenario = Day(new CrashEvent(Hours(8), "w1"));
        var shifted = Assert.Single(Simulator.Run(TwoReplicas(1), scenario).Applications);
        var dropped = Assert.Single(Simulator.Run(TwoReplicas(1), scenario, Unshifted).Applications);
        Assert.Equal(1, shifted.DemandSatisfied, 9);
        Assert.True(dropped.DemandSatisfied < 1 - 1e-6);
    }

    /// <summary>
    /// Over small generated estates (replicas on their own hosts, random sizes, noise and failures, and a neighbour on
    /// each host): what is served never exceeds the demand, and the replicated application is never served less with
    /// load shift than without it.
    /// </summary>
    [Property(MaxTest = 60)]
    public bool Shifted_load_is_bounded_by_demand_and_never_serves_less(byte replicas, byte failures, int seed)
    {
        var random = new RandomStream((ulong)seed, 7);
        var web = App("web", 0.2 + (random.NextDouble() * 3));
        var hosts = new List<HostSpec>();
        for (var h = 0; h < 2 + (replicas % 3); h++)
        {
            var neighbour = App($"n{h}", random.NextDouble() * 4);
            hosts.Add(Host($"h{h}", 1 + (int)(random.NextDouble() * 8), Free(HypervisorKind.BareMetal),
                [Vm($"w{h}", 1 + (int)(random.NextDouble() * 4), web), Vm($"v{h}", 1 + (int)(random.NextDouble() * 4), neighbour)]));
        }

        var events = new List<ScenarioEvent>();
        for (var f = 0; f < 1 + (failures % 4); f++)
        {
            var host = hosts[(int)(random.NextDouble() * hosts.Count)].Name;
            var at = SimTime.FromMinutes(Math.Floor(random.NextDouble() * 300));
            events.Add(random.NextDouble() < 0.5 ? new FailEvent(at, host, SimTime.FromMinutes(1 + Math.Floor(random.NextDouble() * 120))) : new CrashEvent(at, $"w{host[1..]}"));
        }

        var scenario = new ScenarioSpec { Name = "p", Duration = SimTime.TicksPerHour * 6, Seed = (ulong)seed, Noise = 0.2, Events = [.. events.OrderBy(e => e.At)] };
        var topology = new Topology { Hosts = hosts };
        var shifted = Simulator.Run(topology, scenario);
        var dropped = Simulator.Run(topology, scenario, Unshifted);
        static ApplicationResult Web(SimulationResult r) => r.Applications.Single(a => a.Name == "web");
        return shifted.Applications.All(a => a.DeliveredCoreHours <= a.DemandCoreHours + 1e-9)
            && Web(shifted).DemandCoreHours == Web(dropped).DemandCoreHours
            && Web(shifted).DeliveredCoreHours >= Web(dropped).DeliveredCoreHours - 1e-9;
    }
}
