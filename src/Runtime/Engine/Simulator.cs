using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// Runs a scenario on a topology: the entry point for generated code and for anyone driving the simulator from C#.
/// A run is a pure function of (topology, scenario, options): the same inputs give the same result, byte for byte
/// once written, on any machine.
/// </summary>
public static class Simulator
{
    /// <exception cref="SimulationSetupException">The scenario names something the topology lacks, or its timing is impossible.</exception>
    public static SimulationResult Run(Topology topology, ScenarioSpec scenario, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= SimulationOptions.Default;
        if (scenario.Step <= 0 || scenario.Duration <= 0)
        {
            throw new SimulationSetupException($"a scenario needs a positive duration and step (duration {scenario.Duration}, step {scenario.Step} ticks)");
        }

        // The checker reports these (VDL1033, VDL1035, VDL1036); a scenario built by hand meets them here, not as an overflow or "Out of memory".
        if (scenario.Duration > ScenarioLimits.MaxTime || scenario.Step > scenario.Duration)
        {
            throw new SimulationSetupException($"a scenario's step must be at most its duration, and its duration at most {SimTime.Format(ScenarioLimits.MaxTime)} (duration {SimTime.Format(scenario.Duration)}, step {SimTime.Format(scenario.Step)})");
        }

        if (ScenarioLimits.Steps(scenario.Duration, scenario.Step) > ScenarioLimits.MaxSteps)
        {
            throw new SimulationSetupException($"{SimTime.Format(scenario.Duration)} in steps of {SimTime.Format(scenario.Step)} is {ScenarioLimits.Steps(scenario.Duration, scenario.Step):N0} steps, more than the {ScenarioLimits.MaxSteps:N0} a scenario may have");
        }

        if (ScenarioLimits.Steps(scenario.Duration, scenario.Step) * topology.Hosts.Count > ScenarioLimits.MaxHostSteps)
        {
            throw new SimulationSetupException($"{topology.Hosts.Count:N0} hosts over {ScenarioLimits.Steps(scenario.Duration, scenario.Step):N0} steps are more than the {ScenarioLimits.MaxHostSteps:N0} host-steps a run may record");
        }

        var run = new SimulationRun(topology, scenario, options);
        _ = new ScenarioDriver(run);
        RandomFailures.Schedule(run);

        // The hot per-step data of every host first, in step order, then the cold series: see AllocateStepData.
        foreach (var host in run.Hosts)
        {
            host.AllocateStepData();
        }

        foreach (var host in run.Hosts)
        {
            host.Start();
        }

        if (options.Progress is { } progress)
        {
            // In slices, so that progress can be told; the kernel runs the same events in the same order either way.
            var slice = Math.Max(1, scenario.Duration / 100);
            for (var until = slice; until < scenario.Duration; until += slice)
            {
                run.Kernel.RunUntil(until);
                progress(until);
            }
        }

        run.Kernel.RunUntil(scenario.Duration);
        return Collect(run);
    }

    private static SimulationResult Collect(SimulationRun run)
    {
        var end = run.Scenario.Duration;
        var steps = run.Steps;
        var hosts = new List<HostResult>(run.Hosts.Count);
        foreach (var host in run.Hosts)
        {
            var downtime = host.DowntimeTicks + (host.DownSince >= 0 ? end - host.DownSince : 0);
            var upSteps = Math.Max(1, steps - (int)(downtime / run.Scenario.Step));
            hosts.Add(new HostResult
            {
                Name = host.Spec.Name,
                Hypervisor = ModelNames.ToName(host.Spec.Hypervisor.Kind),
                Mode = ModelNames.ToName(host.Mode),
                LogicalCpus = host.Spec.Cpu.LogicalCpus,
                Guests = host.Guests.Count(g => g.Kind != GuestKind.Process),
                CapacityCores = host.CapacityCores,
                IoWorker = ModelNames.ToName(host.IoPath.Worker),
                IoCoreHours = host.IoCoreHours,
                MeanDiskUtilization = host.DiskUtilizationSum / upSteps,
                MaxDiskUtilization = host.MaxDiskUtilization,
                MeanNetworkUtilization = host.NetworkUtilizationSum / upSteps,
                MaxNetworkUtilization = host.MaxNetworkUtilization,
                DeviceSaturatedSteps = host.DeviceSaturatedSteps,
                MeanUtilization = host.UtilizationSum / steps,
                P95Utilization = Percentile(host.Histogram, 0.95),
                MaxUtilization = host.MaxUtilization,
                StealCoreHours = host.StealCoreHours,
                StealFraction = host.VmWantCoreHours > 0 ? host.StealCoreHours / host.VmWantCoreHours : 0,
                MemoryBytes = host.Spec.MemoryBytes,
                MeanMemoryUsedBytes = host.MemoryUsedSum / upSteps,
                MaxMemoryUsedBytes = host.MaxMemoryUsed,
                GuestOverheadBytes = host.MaxGuestOverhead,
                ActiveBytes = host.MaxActive,
                SharedBytes = host.MaxShared,
                BalloonedBytes = host.MaxBallooned,
                SwappedBytes = host.MaxSwapped,
                EnergyKilowattHours = host.EnergyKilowattHours,
                DowntimeMinutes = SimTime.ToMinutes(downtime),
                Series = host.Series,
            });
        }

        var applications = new List<ApplicationResult>(run.Applications.Count);
        foreach (var app in run.Applications)
        {
            app.CloseOutage(end);

            // Shifted demand is counted where it arose and delivered elsewhere: the two sums, added in different
            // orders, can differ in the last bits, and what is served never exceeds what was asked.
            var delivered = Math.Min(app.Delivered, app.Demand);
            applications.Add(new ApplicationResult
            {
                Name = app.Spec.Name,
                Replicas = app.Spec.Replicas,
                Instances = app.Instances,
                DemandCoreHours = app.Demand,
                DeliveredCoreHours = delivered,
                DemandSatisfied = app.Demand > 0 ? delivered / app.Demand : 1,
                MeanSlowdown = app.SlowdownWeight > 0 ? app.SlowdownWeighted / app.SlowdownWeight : 1,
                Availability = 1 - ((double)app.DowntimeTicks / end),
                DowntimeMinutes = SimTime.ToMinutes(app.DowntimeTicks),
                Outages = [.. app.Outages.Select(o => (SimTime.ToMinutes(o.From), SimTime.ToMinutes(o.To)))],
                MigrationDowntimeMs = (double)app.MigrationDowntimeTicks / SimTime.TicksPerMillisecond,
                ShiftedDemandCoreHours = app.ShiftedDemand,
            });
        }

        var (sites, failovers) = Sites(run);
        var hostsUsed = run.Hosts.Count(h => h.Guests.Any(g => g.Instances.Length > 0));
        var result = new SimulationResult
        {
            Scenario = run.Scenario.Name,
            Seed = run.Scenario.Seed,
            Duration = end,
            Step = run.Scenario.Step,
            Steps = steps,
            Hosts = hosts,
            Applications = applications,
            Consolidation = new Consolidation(hostsUsed, run.Applications.Sum(a => a.Instances)),
            Events = run.Log,
            Sites = sites,
            Failovers = failovers,
            Fingerprint = run.Fingerprint.ToString(),
            ProcessedEvents = run.Kernel.ProcessedEvents,
        };

        // Read from the result's own figures, after the run: an expectation changes nothing in it.
        return run.Scenario.Expectations.Count == 0
            ? result
            : result with { Expectations = ExpectationEvaluation.Evaluate(run.Scenario.Expectations, result) };
    }

    /// <summary>The named sites with their hosts, and every failover episode; both empty without sites.</summary>
    private static (List<SiteResult> Sites, List<FailoverResult> Failovers) Sites(SimulationRun run)
    {
        if (run.SiteFailover is not { } sites)
        {
            return ([], []);
        }

        var end = run.Scenario.Duration;
        var named = new List<SiteResult>(sites.Count - 1);
        for (var site = 1; site < sites.Count; site++)
        {
            named.Add(new SiteResult(sites.Names[site], sites.Locations[site], [.. sites.HostsBySite[site].Select(h => h.Spec.Name)]));
        }

        double? Minutes(long ticks) => ticks >= 0 && ticks <= end ? SimTime.ToMinutes(ticks) : null;
        var failovers = sites.Episodes.Select(e =>
        {
            var waitEnd = Math.Min(end, e.FailedOver ? e.FailedOverAt : e.BackAt >= 0 ? e.BackAt : end);
            return new FailoverResult(
                e.Application.Spec.Name,
                e.Site == 0 ? null : sites.Names[e.Site],
                [.. e.ToSites.Select(site => site == 0 ? null : sites.Names[site])],
                SimTime.ToMinutes(e.LostAt),
                Minutes(e.FailedOverAt),
                Minutes(e.BackAt),
                SimTime.ToMinutes(waitEnd - e.LostAt));
        }).ToList();
        return (named, failovers);
    }

    /// <summary>The utilization below which <paramref name="quantile"/> of the steps fall, to the histogram's 0.1 %.</summary>
    private static double Percentile(int[] histogram, double quantile)
    {
        var total = histogram.Sum();
        var needed = (long)Math.Ceiling(total * quantile);
        var seen = 0L;
        for (var bin = 0; bin < histogram.Length; bin++)
        {
            seen += histogram[bin];
            if (seen >= needed && seen > 0)
            {
                return (double)bin / HostState.HistogramBins;
            }
        }

        return 0;
    }
}
