using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck.Xunit;
using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using static VirtLang.Runtime.Tests.Stacks;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// The step's shortcuts (issue 18) against what they stand for, on random models with failures, HA, migrations and
/// scaling: each host drawing its own demand at its step against every host's drawn first; one demand per step for an
/// application whose profile ignores the seed; the count of down instances load shift reads; an instance's costs kept
/// from the host it was priced on; the host's copies of its guests and instances for its step (GuestStep, InstanceStep),
/// made again only after a change; utilizations written to histograms and series a batch at a time.
/// </summary>
public sealed class StepShortcutTests
{
    // Every double as its shortest round-trip text, so that equal text is equal bits (the results' JSON rounds).
    private static readonly JsonSerializerOptions Exact = new() { IncludeFields = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Property(MaxTest = 40)]
    public bool Each_host_drawing_its_own_demand_gives_the_bits_of_every_host_drawn_first(int seed, bool loadShift)
    {
        var (topology, scenario) = RandomModel((ulong)seed);
        var own = Simulator.Run(topology, scenario, new SimulationOptions { LoadShift = loadShift });
        var first = Simulator.Run(topology, scenario, new SimulationOptions { LoadShift = loadShift, DrawDemandFirst = true });
        return JsonSerializer.Serialize(own, Exact) == JsonSerializer.Serialize(first, Exact);
    }

    [Fact]
    public void A_model_whose_load_moves_runs_the_same_with_every_host_drawn_first()
    {
        var (topology, scenario) = RandomModel(42);
        var first = Simulator.Run(topology, scenario, new SimulationOptions { DrawDemandFirst = true });
        Assert.Equal(JsonSerializer.Serialize(Simulator.Run(topology, scenario), Exact), JsonSerializer.Serialize(first, Exact));
        Assert.Contains(first.Applications, a => a.ShiftedDemandCoreHours > 0);
    }

    /// <summary>Stepped slice by slice, the counts load shift reads are the instances' own states at every moment.</summary>
    [Property(MaxTest = 25)]
    public bool Down_and_up_counts_match_the_instances_at_every_slice(int seed)
    {
        var (topology, scenario) = RandomModel((ulong)seed);
        var run = Start(topology, scenario);
        for (var until = scenario.Duration / 97; until <= scenario.Duration; until += scenario.Duration / 97)
        {
            run.Kernel.RunUntil(until);
            var instances = run.Applications.SelectMany(a => a.PlacedInstances).ToList();
            if (run.DownInstances != instances.Count(i => !i.IsUp)
                || run.Applications.Any(a => a.UpInstances != a.PlacedInstances.Count(i => i.IsUp)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>After a run with migrations and HA moves, every instance's kept costs are its pricing host's, computed afresh.</summary>
    [Property(MaxTest = 25)]
    public bool Kept_costs_are_the_pricing_hosts_computed_again(int seed)
    {
        var (topology, scenario) = RandomModel((ulong)seed);
        var run = Start(topology, scenario);
        run.Kernel.RunUntil(scenario.Duration);
        foreach (var instance in run.Applications.SelectMany(a => a.PlacedInstances))
        {
            if (instance.PricedOn is not { } host)
            {
                return false;
            }

            var ops = instance.OperationsPerCore;
            var factor = host.Cost.GuestCpuFactor((IoClass)instance.IoIndex, instance.KernelEntriesPerCore, host.Mode);
            if (instance.CpuFactor != factor || instance.LayerCpuPerCore != host.IoPath.CpuPerCore(ops) || instance.Alone != factor + host.IoPath.Delay(ops))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool Copying_the_step_data_after_changes_only_gives_the_bits_of_copying_it_every_step(int seed, bool loadShift, bool drawFirst)
    {
        var (topology, scenario) = RandomModel((ulong)seed);
        var kept = Simulator.Run(topology, scenario, new SimulationOptions { LoadShift = loadShift, DrawDemandFirst = drawFirst });
        var copied = Simulator.Run(topology, scenario, new SimulationOptions { LoadShift = loadShift, DrawDemandFirst = drawFirst, CopyStepDataEveryStep = true });
        return JsonSerializer.Serialize(kept, Exact) == JsonSerializer.Serialize(copied, Exact);
    }

    /// <summary>Histograms and series written a batch of steps at a time, over runs of any number of steps, hold what writing each step gives.</summary>
    [Property(MaxTest = 40)]
    public bool Utilizations_written_in_batches_give_the_bits_of_writing_every_step(int seed, byte shorter)
    {
        var (topology, scenario) = RandomModel((ulong)seed);
        scenario = scenario with { Duration = scenario.Duration - (shorter % 16 * scenario.Step) };
        var batched = Simulator.Run(topology, scenario);
        var each = Simulator.Run(topology, scenario, new SimulationOptions { WriteUtilizationsEveryStep = true });
        return JsonSerializer.Serialize(batched, Exact) == JsonSerializer.Serialize(each, Exact)
            && batched.Hosts.All(h => h.Series.Count == batched.Steps);
    }

    /// <summary>
    /// Stepped slice by slice through failures, HA, migrations and restarts: whenever a host holds its copies as
    /// current, they are its guests' and instances' state at that moment, in its guests' order.
    /// </summary>
    [Property(MaxTest = 25)]
    public bool Current_step_copies_match_the_guests_and_instances_at_every_slice(int seed)
    {
        var (topology, scenario) = RandomModel((ulong)seed);
        var run = Start(topology, scenario);
        var compared = 0;
        for (var until = scenario.Duration / 97; until <= scenario.Duration; until += scenario.Duration / 97)
        {
            run.Kernel.RunUntil(until);
            var current = run.Hosts.Where(h => h.StepDataCurrent).ToList();
            if (!current.All(CopiesMatch))
            {
                return false;
            }

            compared += current.Count;
        }

        return compared > 0;
    }

    [Fact]
    public void An_instance_is_priced_again_on_the_host_it_migrates_to()
    {
        var app = App("web", 1, io: IoClass.Heavy);
        var topology = new Topology
        {
            Hosts =
            [
                Host("bare", 16, new HypervisorSpec(HypervisorKind.BareMetal, Acceleration.Hardware), [Vm("vm", 2, app)]),
                Host("slower", 16, new HypervisorSpec(HypervisorKind.BareMetal, Acceleration.Hardware) { Overrides = new CostOverrides { Cpu = 1.3 } }),
            ],
        };
        var run = Start(topology, Day(new MigrateEvent(Hours(2), "vm", "slower")));
        run.Kernel.RunUntil(Hours(1));
        var instance = run.Applications[0].PlacedInstances[0];
        var before = (instance.PricedOn, instance.Alone);
        run.Kernel.RunUntil(Hours(6));
        Assert.Same(run.HostsByName["bare"], before.PricedOn);
        Assert.Same(run.HostsByName["slower"], instance.PricedOn);
        Assert.NotEqual(before.Alone, instance.Alone);
    }

    /// <summary>The profiles that say they ignore the seed do: one level per tick serves every instance.</summary>
    [Property(MaxTest = 200)]
    public bool Profiles_that_ignore_the_seed_give_one_level_per_tick(uint minutes, ulong seed, ulong other)
    {
        var tick = SimTime.FromMinutes(minutes % (60 * 24 * 30));
        WorkloadProfile[] profiles =
        [
            new ConstantProfile(0.4), new DiurnalProfile(0.9, 0.1), new WeeklyProfile(0.8, 0.2),
            new TraceProfile([(0L, 0.1), (SimTime.TicksPerHour, 0.9), (3 * SimTime.TicksPerHour, 0.5)]),
        ];
        return profiles.All(p => !p.DependsOnSeed && p.Level(tick, seed) == p.Level(tick, other))
            && new SpikyProfile(0.1, 0.9).DependsOnSeed;
    }

    [Fact]
    public void The_shared_demand_is_the_formula_and_follows_a_scale_set_at_the_same_tick()
    {
        var spec = new ApplicationSpec { Name = "web", Cpu = 3, Profile = new DiurnalProfile(0.7, 0.1) };
        var app = new ApplicationState(spec, 0);
        var now = Hours(9) + 17;
        Assert.Equal(spec.Cpu * spec.Profile.Level(now, 1) * 1.0, app.DemandBeforeNoise(now, 1));
        app.Scale = 2.5;
        Assert.Equal(spec.Cpu * spec.Profile.Level(now, 2) * 2.5, app.DemandBeforeNoise(now, 2));
        Assert.Equal(spec.Cpu * spec.Profile.Level(now + 60, 3) * 2.5, app.DemandBeforeNoise(now + 60, 3));
    }

    /// <summary>The run as <see cref="Simulator.Run"/> sets it up, left to the test to step.</summary>
    private static SimulationRun Start(Topology topology, ScenarioSpec scenario)
    {
        var run = new SimulationRun(topology, scenario, SimulationOptions.Default);
        _ = new ScenarioDriver(run);
        RandomFailures.Schedule(run);
        foreach (var host in run.Hosts)
        {
            host.AllocateStepData();
        }

        foreach (var host in run.Hosts)
        {
            host.Start();
        }

        return run;
    }

    private static bool CopiesMatch(HostState host)
    {
        var guests = host.GuestSteps;
        var instances = host.InstanceSteps;
        if (guests.Length != host.Guests.Count || instances.Length != host.Guests.Sum(g => g.Instances.Length))
        {
            return false;
        }

        var next = 0;
        for (var g = 0; g < guests.Length; g++)
        {
            var guest = host.Guests[g];
            var copy = guests[g];
            if (copy.FirstInstance != next || copy.InstanceCount != guest.Instances.Length || copy.Up != guest.IsUp
                || copy.CodeCacheColdSince != guest.CodeCacheColdSince || copy.SwapSlowdown != guest.SwapSlowdown
                || copy.Weight != guest.Weight || copy.CapCores != guest.CpuCap * host.Spec.Cpu.CoreSpeed
                || copy.WarmsUp != (guest.Kind == GuestKind.VirtualMachine && host.Mode == AccelerationMode.BinaryTranslation))
            {
                return false;
            }

            foreach (var instance in guest.Instances)
            {
                var i = instances[next++];
                if (instance.PricedOn != host || i.Application != instance.Application || i.Seed != instance.Seed
                    || i.Up != (instance.DownReasons == 0) || i.CpuFactor != instance.CpuFactor || i.Alone != instance.Alone
                    || i.LayerCpuPerCore != instance.LayerCpuPerCore || i.DiskOpsPerCore != instance.IoPerCore.DiskOpsPerSecond)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Two to six hosts of every kind (a hosted one translating binaries), replicas of four applications of every
    /// profile spread over them, random host and application failures, HA on half the models, a scaling and two
    /// migrations (some refused) over two days at 5-minute steps with noise.
    /// </summary>
    private static (Topology Topology, ScenarioSpec Scenario) RandomModel(ulong seed)
    {
        var random = new RandomStream(seed, 18);
        WorkloadProfile[] profiles = [new DiurnalProfile(0.8, 0.1), new WeeklyProfile(0.9, 0.2), new SpikyProfile(0.2, 1.0), new ConstantProfile(0.5)];
        var apps = Enumerable.Range(0, 4).Select(i => new ApplicationSpec
        {
            Name = $"app-{i}",
            Cpu = 0.5 + (random.NextDouble() * 4),
            MemoryBytes = (long)(random.NextDouble() * 6 * GiB),
            Io = (IoClass)(i % 3),
            Profile = profiles[(i + (int)(random.NextDouble() * 4)) % profiles.Length],
            Failures = random.NextDouble() < 0.5 ? new FailureSpec { Mtbf = Hours(10), Mttr = Minutes(40) } : null,
        }).ToArray();

        var kinds = new[] { HypervisorKind.BareMetal, HypervisorKind.Paravirtual, HypervisorKind.OsLevel, HypervisorKind.Hosted };
        var hosts = new List<HostSpec>();
        var vms = new List<string>();
        var placed = new List<string>();
        var hostCount = 2 + (int)(random.NextDouble() * 5);
        for (var h = 0; h < hostCount; h++)
        {
            var kind = kinds[(int)(random.NextDouble() * kinds.Length)];
            var guests = new List<GuestSpec>();
            for (var g = 0; g < 1 + (int)(random.NextDouble() * 4); g++)
            {
                var name = $"h{h}-g{g}";
                var runs = new[] { apps[(int)(random.NextDouble() * apps.Length)] };
                placed.Add(runs[0].Name);
                if (kind == HypervisorKind.OsLevel)
                {
                    guests.Add(new ContainerSpec { Name = name, CpuShares = 1 + g, Burst = g % 2 == 0, MemoryLimitBytes = 8 * GiB, Runs = runs });
                }
                else
                {
                    guests.Add(new VirtualMachineSpec { Name = name, Vcpus = 1 + (int)(random.NextDouble() * 4), MemoryBytes = 4 * GiB, Runs = runs });
                    vms.Add(name);
                }
            }

            hosts.Add(new HostSpec
            {
                Name = $"h{h}",
                Cpu = Cpu(4 + (int)(random.NextDouble() * 12)),
                MemoryBytes = 24 * GiB,
                Hypervisor = new HypervisorSpec(kind, kind == HypervisorKind.Hosted ? Acceleration.Software : Acceleration.Hardware),
                Guests = guests,
                Nics = [new NicSpec("eth0", 1e9, "mlx5")],
                Power = new PowerSpec(100, 300),
                Failures = random.NextDouble() < 0.6 ? new FailureSpec { Mtbf = Hours(12), Mttr = Hours(1) } : null,
            });
        }

        var events = new List<ScenarioEvent>
        {
            new FailEvent(Hours(5), "h0", Hours(2)),
            new ScaleEvent(Hours(7), placed[0], 2.5, Hours(20)),
        };
        foreach (var at in new[] { Hours(3) + Minutes(2.5), Hours(26) })
        {
            if (vms.Count > 0)
            {
                events.Add(new MigrateEvent(at, vms[(int)(random.NextDouble() * vms.Count)], $"h{(int)(random.NextDouble() * hostCount)}"));
            }
        }

        var topology = new Topology
        {
            Hosts = hosts,
            Clusters = random.NextDouble() < 0.5 ? [new ClusterSpec { Name = "c", Hosts = hosts, Ha = true }] : [],
        };
        var scenario = new ScenarioSpec
        {
            Name = "random",
            Duration = 2 * SimTime.TicksPerDay,
            Step = Minutes(5),
            Seed = seed,
            Noise = 0.2,
            Events = events,
        };
        return (topology, scenario);
    }
}
