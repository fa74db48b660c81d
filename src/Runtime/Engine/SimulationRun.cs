using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// The state of one run: the kernel, the hosts, guests and applications as they are now, the event log and the
/// fingerprint. Up and down go through <see cref="TakeDown(GuestState)"/> and <see cref="BringUp(GuestState)"/>, which
/// count reasons (a guest can be restarting on a failed host) so that every outage ends exactly once.
/// </summary>
internal sealed class SimulationRun
{
    public const int ScenarioPriority = 0;
    public const int StepPriority = 1;
    public const int StepFingerprintKind = 1;

    // A field, not a property: the hosts add to it in place.
    public TraceFingerprint Fingerprint = new();

    public SimulationRun(Topology topology, ScenarioSpec scenario, SimulationOptions options)
    {
        Scenario = scenario;
        Options = options;
        Steps = (int)ScenarioLimits.Steps(scenario.Duration, scenario.Step); // at most ScenarioLimits.MaxSteps: Simulator.Run checked
        StepHours = (double)scenario.Step / SimTime.TicksPerHour;

        var problems = new List<string>();
        var instanceNumber = 0UL;
        for (var h = 0; h < topology.Hosts.Count; h++)
        {
            var spec = topology.Hosts[h];
            var host = new HostState(this, spec, h);
            Hosts.Add(host);

            // Sized once, so that no outgrown arrays lie between the hosts' objects.
            host.Guests.Capacity = spec.Guests.Count + (spec.Runs.Count > 0 ? 1 : 0);
            if (!HostsByName.TryAdd(spec.Name, host) || GuestsByName.ContainsKey(spec.Name))
            {
                problems.Add($"two hosts or guests are named '{spec.Name}'");
            }

            if (spec.Runs.Count > 0)
            {
                host.Guests.Add(new GuestState(spec.Name, GuestKind.Process, null, host, Instances(spec.Runs, ref instanceNumber)));
            }

            foreach (var guestSpec in spec.Guests)
            {
                var kind = guestSpec is VirtualMachineSpec ? GuestKind.VirtualMachine : GuestKind.Container;
                var guest = new GuestState(guestSpec.Name, kind, guestSpec, host, Instances(guestSpec.Runs, ref instanceNumber));
                host.Guests.Add(guest);
                if (!GuestsByName.TryAdd(guestSpec.Name, guest) || HostsByName.ContainsKey(guestSpec.Name))
                {
                    problems.Add($"two hosts or guests are named '{guestSpec.Name}'");
                }
            }
        }

        // Only a topology with a cluster with HA gets one: every other run is the same as before HA existed.
        if (topology.Clusters.Any(c => c.Ha))
        {
            HighAvailability = new HighAvailability(this, topology.Clusters, problems);
        }

        if (problems.Count > 0)
        {
            throw new SimulationSetupException(problems);
        }

        // Only a topology with sites pays for them: without, every host is in one site and nothing here changes.
        if (topology.Sites.Count > 0 || topology.Hosts.Any(h => h.Site is not null))
        {
            SiteFailover = new SiteFailover(this, topology);
            foreach (var application in Applications)
            {
                application.Sites = new ApplicationSites();
                foreach (var instance in application.PlacedInstances)
                {
                    application.Sites.Slot(instance.Guest.Host.SiteIndex);
                }
                if (application.Spec.RecoveryTimeObjective is < 0 or > ScenarioLimits.MaxTime)
                {
                    problems.Add($"application '{application.Spec.Name}': a recovery time objective is from 0 to {SimTime.Format(ScenarioLimits.MaxTime)}");
                }
            }

            if (problems.Count > 0)
            {
                throw new SimulationSetupException(problems);
            }
        }
    }

    /// <summary>HA restart of the guests of failed hosts, when some cluster has it (docs/simulation.md, "HA restart").</summary>
    public HighAvailability? HighAvailability { get; }

    /// <summary>Sites and their failovers; null when the topology has no sites.</summary>
    public SiteFailover? SiteFailover { get; }

    public Kernel.Simulation Kernel { get; } = new();

    public ScenarioSpec Scenario { get; }

    public SimulationOptions Options { get; }

    public int Steps { get; }

    /// <summary>The hosts' step's scratch, shared: one host steps at a time.</summary>
    public StepScratch StepScratch { get; } = new();

    public double StepHours { get; }

    public List<HostState> Hosts { get; } = [];

    public List<ApplicationState> Applications { get; } = [];

    public Dictionary<string, HostState> HostsByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, GuestState> GuestsByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ApplicationState> ApplicationsByName { get; } = new(StringComparer.Ordinal);

    public List<EventRecord> Log { get; } = [];

    private readonly Dictionary<double, QueueingCurve> _queueingCurves = [];

    private long _stepBegunAt = -1;
    private bool _demandDrawnForAll;

    /// <summary>Instances down now, on their own or with their guest: while there are none, load shift has nothing to move.</summary>
    public int DownInstances { get; private set; }

    /// <summary>The queueing curve of a host of <paramref name="capacityCores"/>: one table per host size in the run, not per host.</summary>
    public QueueingCurve QueueingCurve(double capacityCores)
    {
        var servers = Math.Max(1, Math.Floor(capacityCores));
        if (!_queueingCurves.TryGetValue(servers, out var curve))
        {
            _queueingCurves.Add(servers, curve = new QueueingCurve(servers));
        }

        return curve;
    }

    public void Record(string kind, string subject, string detail) => Log.Add(new EventRecord(Kernel.Now, kind, subject, detail));

    public void TakeDown(GuestState guest)
    {
        if (guest.DownReasons++ == 0)
        {
            foreach (var instance in guest.Instances)
            {
                // An instance that failed on its own is already counted down.
                if (instance.DownReasons == 0)
                {
                    instance.Application.InstanceDown(Kernel.Now);
                    DownInstances++;
                }

                SiteFailover?.Touch(instance.Application);
            }
        }
    }

    public void BringUp(GuestState guest)
    {
        if (--guest.DownReasons == 0)
        {
            foreach (var instance in guest.Instances)
            {
                if (instance.DownReasons == 0)
                {
                    instance.Application.InstanceUp(Kernel.Now);
                    DownInstances--;
                }

                SiteFailover?.Touch(instance.Application);
            }
        }
    }

    /// <summary>One instance down on its own (its guest runs on): counted down once, whatever else has its guest down.</summary>
    public void TakeDown(InstanceState instance)
    {
        if (instance.DownReasons++ == 0 && instance.Guest.IsUp)
        {
            instance.Application.InstanceDown(Kernel.Now);
            DownInstances++;
        }
    }

    public void BringUp(InstanceState instance)
    {
        if (--instance.DownReasons == 0 && instance.Guest.IsUp)
        {
            instance.Application.InstanceUp(Kernel.Now);
            DownInstances--;
        }
    }

    public void TakeDown(HostState host)
    {
        if (host.DownReasons++ == 0)
        {
            host.DownSince = Kernel.Now;
        }

        foreach (var guest in host.Guests)
        {
            TakeDown(guest);
        }
    }

    public void BringUp(HostState host)
    {
        if (--host.DownReasons == 0)
        {
            host.DowntimeTicks += Kernel.Now - host.DownSince;
            host.DownSince = -1;
        }

        foreach (var guest in host.Guests)
        {
            BringUp(guest);
        }

        if (host.DownReasons == 0)
        {
            HighAvailability?.HostRecovered(host);
        }
    }

    /// <summary>
    /// Moves a guest of a down host to another host, where it stays down (booting) until a <see cref="BringUp(GuestState)"/>:
    /// the reasons its old host gave it are dropped (that host's repair no longer reaches it), its new host's are
    /// taken, and one is added for the boot, so it never counts as up in between.
    /// </summary>
    public void Move(GuestState guest, HostState from, HostState to)
    {
        guest.DownReasons += to.DownReasons + 1 - from.DownReasons;
        from.Guests.Remove(guest);
        to.Guests.Add(guest);
        guest.Host = to;
        from.MemoryChanged();
        to.MemoryChanged();
    }

    /// <summary>
    /// Starts a step once, at the first host's sample. When load shift may move demand this step (an instance is down,
    /// or the topology has sites), draws every instance's demand on every host, then lets load shift move down
    /// instances' demand to their applications' up instances, before any host shares its CPU.
    /// </summary>
    /// <returns>
    /// Whether every host's demand was drawn. When not, nothing moves this step and each host draws its own at its
    /// sample: from its own stream in the same order, so the same numbers, while its guests are still in the cache.
    /// </returns>
    public bool BeginStep(long now)
    {
        if (now == _stepBegunAt)
        {
            return _demandDrawnForAll;
        }

        _stepBegunAt = now;
        var shift = Options.LoadShift && (DownInstances > 0 || SiteFailover is not null);
        _demandDrawnForAll = shift || Options.DrawDemandFirst;
        if (!_demandDrawnForAll)
        {
            return false;
        }

        foreach (var host in Hosts)
        {
            host.SampleDemand(now);
        }

        if (shift)
        {
            foreach (var application in Applications)
            {
                LoadShift.Distribute(application, StepHours);
            }
        }

        return true;
    }

    private InstanceState[] Instances(IReadOnlyList<ApplicationSpec> apps, ref ulong number)
    {
        var instances = new InstanceState[apps.Count];
        for (var i = 0; i < apps.Count; i++)
        {
            if (!ApplicationsByName.TryGetValue(apps[i].Name, out var app))
            {
                app = new ApplicationState(apps[i], Applications.Count);
                Applications.Add(app);
                ApplicationsByName.Add(app.Spec.Name, app);
            }

            app.Instances++;
            app.UpInstances++;
            number++;
            instances[i] = new InstanceState(app, Mix(Scenario.Seed ^ (number * 0x9E3779B97F4A7C15UL)));
            app.PlacedInstances.Add(instances[i]);
        }

        return instances;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
