using System.Globalization;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// Plays a scenario's events on the kernel's queue. An event's kind is its index times four plus a phase (start, end,
/// resume), so scheduling allocates nothing; what an event took down is remembered by index and brought back up at
/// its end. The blast radius of each fault follows simulation.md: a guest crash takes that guest, a shared kernel or
/// host OS takes all it carries, a paravirtual host's driver domain reboots the host (or, when it is restartable,
/// takes every guest's I/O with it). Live migrations run as <see cref="LiveMigration"/>s sharing the hosts' links.
/// </summary>
internal sealed class ScenarioDriver : IEventTarget
{
    private const int Start = 0;
    private const int End = 1;
    private const int FingerprintKindBase = 2;

    private readonly SimulationRun _run;
    private readonly IReadOnlyList<ScenarioEvent> _events;
    private readonly List<GuestState>?[] _affected;
    private readonly bool[] _tookHost;
    private readonly MigrationLinks _links;

    public ScenarioDriver(SimulationRun run)
    {
        _run = run;
        _events = run.Scenario.Events;
        _affected = new List<GuestState>?[_events.Count];
        _tookHost = new bool[_events.Count];
        _links = new MigrationLinks(run);
        var problems = new List<string>();
        ValidateTimings(run.Options.Timings, problems);
        for (var i = 0; i < _events.Count; i++)
        {
            Validate(_events[i], problems);
        }

        foreach (var expectation in run.Scenario.Expectations)
        {
            Validate(expectation, problems);
        }

        if (problems.Count > 0)
        {
            throw new SimulationSetupException(problems);
        }

        for (var i = 0; i < _events.Count; i++)
        {
            if (_events[i].At < run.Scenario.Duration)
            {
                run.Kernel.ScheduleAt(_events[i].At, this, i << 2, SimulationRun.ScenarioPriority);
            }
        }
    }

    private long Now => _run.Kernel.Now;

    private FaultTimings Timings => _run.Options.Timings;

    public void Handle(int kind)
    {
        var index = kind >> 2;
        var phase = kind & 3;
        _run.Fingerprint.Add(Now, FingerprintKindBase + phase, index);
        var e = _events[index];
        switch (phase, e)
        {
            case (Start, ScaleEvent scale): StartScale(index, scale); break;
            case (End, ScaleEvent scale): EndScale(scale); break;
            case (Start, FailEvent fail): StartFail(index, fail); break;
            case (End, FailEvent fail): EndFail(fail); break;
            case (Start, FailSiteEvent site): StartFailSite(index, site); break;
            case (End, FailSiteEvent site): EndFailSite(site); break;
            case (Start, CrashEvent crash): StartCrash(index, crash); break;
            case (Start, MigrateEvent migrate): StartMigration(index, migrate); break;
            case (Start, PatchEvent patch): StartPatch(index, patch); break;
            case (End, _): Restore(index, e); break;
            default: break;
        }
    }

    private void Later(long delay, int index, int phase) => _run.Kernel.Schedule(delay, this, (index << 2) | phase, SimulationRun.ScenarioPriority);

    private void StartScale(int index, ScaleEvent scale)
    {
        _run.ApplicationsByName[scale.Application].Scale *= scale.Factor;
        var until = scale.Until is { } u ? $" until {SimTime.Format(u)}" : string.Empty;
        _run.Record("scale", scale.Application, string.Create(CultureInfo.InvariantCulture, $"demand x{scale.Factor:0.##}{until}"));
        if (scale.Until is { } end)
        {
            _run.Kernel.ScheduleAt(end, this, (index << 2) | End, SimulationRun.ScenarioPriority);
        }
    }

    private void EndScale(ScaleEvent scale)
    {
        _run.ApplicationsByName[scale.Application].Scale /= scale.Factor;
        _run.Record("scale-end", scale.Application, "demand back");
    }

    private void StartFail(int index, FailEvent fail)
    {
        var host = _run.HostsByName[fail.Host];
        _run.TakeDown(host);
        _run.HighAvailability?.HostFailed(host);
        var repair = fail.RepairAfter is { } r ? $"; repaired after {SimTime.Format(r)}" : "; not repaired in this scenario";
        _run.Record("fail", host.Spec.Name, $"host down with {Describe(host.Guests)}{repair}");
        if (fail.RepairAfter is { } after)
        {
            Later(after, index, End);
        }
    }

    private void EndFail(FailEvent fail)
    {
        var host = _run.HostsByName[fail.Host];
        _run.BringUp(host);
        Rebooted(host.Guests);
        _run.Record("repair", host.Spec.Name, host.IsUp ? "host back up" : "repaired, but still down for another reason");
    }

    /// <summary>Every host of the site goes down as if each had failed; a host already down stays down for this reason too.</summary>
    private void StartFailSite(int index, FailSiteEvent fail)
    {
        var sites = _run.SiteFailover!;
        var hosts = sites.HostsBySite[sites.IndexOf(fail.Site)];
        foreach (var host in hosts)
        {
            _run.TakeDown(host);
        }

        // Each host of a failed site failed unplanned: an HA cluster that reaches beyond the site restarts its guests.
        foreach (var host in hosts)
        {
            _run.HighAvailability?.HostFailed(host);
        }

        var repair = fail.RepairAfter is { } r ? $"; repaired after {SimTime.Format(r)}" : "; not repaired in this scenario";
        var what = hosts.Count == 0
            ? "no host is in the site: nothing goes down"
            : $"{(hosts.Count == 1 ? "1 host" : $"{hosts.Count} hosts")} down ({string.Join(", ", hosts.Select(h => h.Spec.Name))}) with {Describe([.. hosts.SelectMany(h => h.Guests)])}";
        _run.Record("site-fail", fail.Site, $"{what}{repair}");
        if (fail.RepairAfter is { } after)
        {
            Later(after, index, End);
        }
    }

    private void EndFailSite(FailSiteEvent fail)
    {
        var sites = _run.SiteFailover!;
        var hosts = sites.HostsBySite[sites.IndexOf(fail.Site)];
        foreach (var host in hosts)
        {
            _run.BringUp(host);
            Rebooted(host.Guests);
        }

        var stillDown = hosts.Count(h => !h.IsUp);
        _run.Record("site-repair", fail.Site, stillDown == 0
            ? $"site back up ({(hosts.Count == 1 ? "1 host" : $"{hosts.Count} hosts")})"
            : $"repaired, but {stillDown} of {hosts.Count} hosts still down for another reason");
    }

    private void StartCrash(int index, CrashEvent crash)
    {
        // Nothing that is down can crash: the event is logged as skipped and changes nothing (simulation.md).
        if (WhyDown(crash.Target) is { } down)
        {
            _run.Record("crash-skipped", crash.Target, $"{down}: nothing runs there to crash{At(crash)}");
            return;
        }

        if (_run.HostsByName.TryGetValue(crash.Target, out var host))
        {
            // The host's OS, kernel or hypervisor: whatever it carries goes down with it until it has rebooted.
            _tookHost[index] = true;
            _run.TakeDown(host);
            _run.HighAvailability?.HostFailed(host);
            var what = host.Spec.Hypervisor.Kind switch
            {
                HypervisorKind.OsLevel => "kernel crash: the shared kernel takes every container",
                HypervisorKind.Hosted => "host OS crash: the hosted hypervisor takes every VM with it",
                HypervisorKind.BareMetal => "hypervisor crash: every VM",
                HypervisorKind.Paravirtual => "hypervisor crash: every domain",
                _ => "host OS crash: every application on it",
            };
            _run.Record("crash", host.Spec.Name, $"{what} ({Describe(host.Guests)}); back after {SimTime.Format(Timings.HostReboot)}");
            Later(Timings.HostReboot, index, End);
            return;
        }

        var guest = _run.GuestsByName[crash.Target];
        List<GuestState> affected;
        long restart;
        string detail;
        var driverDomain = guest.Privileged && guest.Host.Spec.Hypervisor.Kind == HypervisorKind.Paravirtual;
        if (driverDomain && !Timings.RestartableDriverDomain)
        {
            // Xen's dom0 is the host's control domain: when it dies the hypervisor reboots the machine.
            var control = guest.Host;
            _tookHost[index] = true;
            _run.TakeDown(control);
            _run.HighAvailability?.HostFailed(control);
            _run.Record("crash", guest.Name, $"the driver domain is {control.Spec.Name}'s control domain: its crash reboots the host with every domain ({Describe(control.Guests)}); back after {SimTime.Format(Timings.HostReboot)}");
            Later(Timings.HostReboot, index, End);
            return;
        }

        if (driverDomain)
        {
            affected = [.. guest.Host.Guests];
            restart = Timings.VmRestart;
            detail = $"the privileged guest owns the drivers: every guest of {guest.Host.Spec.Name} loses its I/O ({Describe(affected)})";
        }
        else
        {
            affected = [guest];
            restart = guest.Kind == GuestKind.Container ? Timings.ContainerRestart : Timings.VmRestart;
            detail = guest.Kind == GuestKind.Container ? "container restarts; the others on its kernel run on" : "guest OS crash: only this VM";
        }

        foreach (var g in affected)
        {
            _run.TakeDown(g);
        }

        _affected[index] = affected;
        _run.Record("crash", guest.Name, $"{detail}; back after {SimTime.Format(restart)}");
        Later(restart, index, End);
    }

    private void Restore(int index, ScenarioEvent e)
    {
        var target = e is CrashEvent c ? c.Target : ((PatchEvent)e).Target;
        if (_tookHost[index])
        {
            // The target is the host, or the driver domain whose crash rebooted it.
            var host = _run.HostsByName.TryGetValue(target, out var h) ? h : _run.GuestsByName[target].Host;
            _run.BringUp(host);
            Rebooted(host.Guests);
            _run.Record("restart", host.Spec.Name, host.IsUp
                ? $"back up with {Describe(host.Guests)}"
                : "rebooted, but still down for another reason");
            return;
        }

        if (_affected[index] is { } affected)
        {
            foreach (var g in affected)
            {
                _run.BringUp(g);
            }

            // Only a guest that rebooted starts with an empty code cache; guests that merely lost their I/O to a
            // restartable driver domain kept running.
            var driverDomainOnly = affected.Count > 1;
            Rebooted(driverDomainOnly ? affected.Where(g => g.Name == target) : affected);
            var stillDown = affected.Count(g => !g.IsUp);
            _run.Record("restart", affected.Count == 1 ? affected[0].Name : target, stillDown == 0
                ? $"back up ({Describe(affected)})"
                : $"restarted, but {stillDown} of {affected.Count} still down for another reason (their host is down)");
        }
    }

    private void StartMigration(int index, MigrateEvent migrate)
    {
        var guest = _run.GuestsByName[migrate.Guest];
        var target = _run.HostsByName[migrate.TargetHost];
        var source = guest.Host;
        var refusal = MigrationRefusal(guest, source, target);
        if (refusal is not null)
        {
            _run.Record("migrate-refused", guest.Name, $"to {target.Spec.Name}: {refusal}{At(migrate)}");
            return;
        }

        var migration = new LiveMigration(_run, _links, index, guest, target);
        _run.Record("migrate-start", guest.Name, migration.Start());
    }

    /// <summary>Guests that have just booted: a binary-translating host's VMs among them start with a cold code cache.</summary>
    private void Rebooted(IEnumerable<GuestState> guests)
    {
        foreach (var g in guests)
        {
            g.CodeCacheColdSince = Now;
        }
    }

    /// <summary>Where the scenario says it, for what the simulator refuses: " (dc.vdl(40,3))".</summary>
    private static string At(ScenarioEvent e) => e.Origin is null ? string.Empty : $" ({e.Origin})";

    private static string? MigrationRefusal(GuestState guest, HostState source, HostState target)
    {
        var sourceKind = source.Spec.Hypervisor.Kind;
        var targetKind = target.Spec.Hypervisor.Kind;
        if (guest.Migrating)
        {
            return "it is already migrating";
        }

        if (ReferenceEquals(source, target))
        {
            return "it is already there";
        }

        if (guest.Privileged)
        {
            return "the privileged guest owns its host's drivers and cannot leave";
        }

        if (!source.IsUp || !guest.IsUp)
        {
            return "the guest is down; live migration needs it running";
        }

        if (!target.IsUp)
        {
            return "the target host is down";
        }

        if (sourceKind != targetKind)
        {
            return $"the target's hypervisor is {ModelNames.ToName(targetKind)}, the guest's is {ModelNames.ToName(sourceKind)}";
        }

        var missing = source.Spec.Cpu.Features & ~target.Spec.Cpu.Features;
        if (missing != CpuFeatures.None)
        {
            return $"the target's CPU lacks {ModelNames.ToNames(missing)}, which the guest was started with";
        }

        if (MigrationLinks.Nic(source) <= 0 || MigrationLinks.Nic(target) <= 0)
        {
            return $"{(MigrationLinks.Nic(source) <= 0 ? source : target).Spec.Name} has no network interface to migrate over";
        }

        return null;
    }

    private void StartPatch(int index, PatchEvent patch)
    {
        if (_run.GuestsByName.TryGetValue(patch.Target, out var container) && container.Kind == GuestKind.Container)
        {
            _run.Record("patch-refused", container.Name, $"a container runs its host's kernel: patch {container.Host.Spec.Name} instead{At(patch)}");
            return;
        }

        // A patch is installed by the running system: on a host or VM that is down it is skipped, and the level stays.
        if (WhyDown(patch.Target) is { } down)
        {
            _run.Record("patch-skipped", patch.Target, $"{down}: a patch needs it running; it stays at {CurrentPatch(patch.Target) ?? "its level"}{At(patch)}");
            return;
        }

        if (_run.HostsByName.TryGetValue(patch.Target, out var host))
        {
            host.Patch = patch.Level;
            var shared = host.Guests.Where(g => g.Kind != GuestKind.VirtualMachine).ToList();

            // A new kernel (or hypervisor) runs only after a reboot of the machine. Under os_level that is the one
            // kernel every container shares, so all of them (and the host's own applications) wait for the host.
            _tookHost[index] = true;
            _run.TakeDown(host);
            var what = host.Spec.Hypervisor.Kind switch
            {
                HypervisorKind.OsLevel => "shared kernel",
                HypervisorKind.BareMetal or HypervisorKind.Paravirtual => "hypervisor",
                _ => "host OS",
            };
            _run.Record("patch", host.Spec.Name, $"{what} to {patch.Level}: host reboots with {Describe(host.Guests)}, back after {SimTime.Format(Timings.HostReboot)}");
            Later(Timings.HostReboot, index, End);
            CheckCertification(shared, patch.Level);
            return;
        }

        var guest = _run.GuestsByName[patch.Target];
        guest.Patch = patch.Level;
        _run.TakeDown(guest);
        _affected[index] = [guest];
        _run.Record("patch", guest.Name, $"guest OS to {patch.Level}: this VM reboots, nothing else");
        Later(Timings.VmRestart, index, End);
        CheckCertification([guest], patch.Level);
    }

    /// <summary>Why a host or guest is down now, for the log; null when it is up.</summary>
    private string? WhyDown(string target)
    {
        if (_run.HostsByName.TryGetValue(target, out var host))
        {
            return host.IsUp ? null : $"{host.Spec.Name} is down since {SimTime.Format(host.DownSince)}";
        }

        var guest = _run.GuestsByName[target];
        if (guest.IsUp)
        {
            return null;
        }

        return guest.Host.IsUp
            ? $"{guest.Name} is down (restarting or paused)"
            : $"{guest.Name} is down with its host {guest.Host.Spec.Name} (down since {SimTime.Format(guest.Host.DownSince)})";
    }

    private string? CurrentPatch(string target) =>
        _run.HostsByName.TryGetValue(target, out var host) ? host.Patch : _run.GuestsByName[target].Patch;

    private void CheckCertification(IEnumerable<GuestState> guests, string level)
    {
        foreach (var guest in guests)
        {
            foreach (var instance in guest.Instances)
            {
                var app = instance.Application.Spec;
                if (app.CertifiedPatch is { } requirement && !requirement.IsSatisfiedBy(level))
                {
                    _run.Record("certification-broken", app.Name, $"on {guest.Name}: patch {level} is outside its certified '{requirement.Text}'");
                }
            }
        }
    }

    /// <summary>An expectation is read after the run, from the results: what it names must be in them.</summary>
    private void Validate(Expectation expectation, List<string> problems)
    {
        var where = expectation.Origin is null ? string.Empty : $"{expectation.Origin}: ";
        if (expectation.Metric == ExpectationMetric.Utilization)
        {
            if (!_run.HostsByName.ContainsKey(expectation.Subject))
            {
                problems.Add($"{where}an expectation names no host: no host is named '{expectation.Subject}'");
            }
        }
        else if (!_run.ApplicationsByName.ContainsKey(expectation.Subject))
        {
            problems.Add($"{where}an expectation names no application: no host or guest runs an application named '{expectation.Subject}'");
        }

        if (!double.IsFinite(expectation.Threshold))
        {
            problems.Add($"{where}an expectation's threshold is a finite number, not {expectation.Threshold.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private void Validate(ScenarioEvent e, List<string> problems)
    {
        var where = e.Origin is null ? string.Empty : $"{e.Origin}: ";
        if (e.At < 0 || e.At > ScenarioLimits.MaxTime)
        {
            problems.Add($"{where}an event happens from the start to {SimTime.Format(ScenarioLimits.MaxTime)}, not at {e.At} ticks");
        }

        void Host(string name)
        {
            if (!_run.HostsByName.ContainsKey(name))
            {
                problems.Add($"{where}no host is named '{name}'");
            }
        }

        void Guest(string name)
        {
            if (!_run.GuestsByName.ContainsKey(name))
            {
                problems.Add($"{where}no guest is named '{name}'");
            }
        }

        void HostOrGuest(string name)
        {
            if (!_run.HostsByName.ContainsKey(name) && !_run.GuestsByName.ContainsKey(name))
            {
                problems.Add($"{where}no host or guest is named '{name}'");
            }
        }

        switch (e)
        {
            case ScaleEvent scale:
                if (!_run.ApplicationsByName.ContainsKey(scale.Application))
                {
                    problems.Add($"{where}no host or guest runs an application named '{scale.Application}'");
                }

                if (!(scale.Factor > 0 && scale.Factor <= ScenarioLimits.MaxScaleFactor))
                {
                    problems.Add($"{where}scale needs a factor above 0 and at most {ScenarioLimits.MaxScaleFactor.ToString(CultureInfo.InvariantCulture)}, not {scale.Factor.ToString(CultureInfo.InvariantCulture)}");
                }

                if (scale.Until is { } until && (until <= scale.At || until > 2 * ScenarioLimits.MaxTime))
                {
                    problems.Add($"{where}a scale must end after it starts, within {SimTime.Format(2 * ScenarioLimits.MaxTime)}");
                }

                break;
            case FailEvent fail:
                Host(fail.Host);
                if (fail.RepairAfter is <= 0 or > ScenarioLimits.MaxTime)
                {
                    problems.Add($"{where}a repair time must be positive and at most {SimTime.Format(ScenarioLimits.MaxTime)}");
                }

                break;
            case FailSiteEvent site:
                if (_run.SiteFailover?.IndexOf(site.Site) is not > 0)
                {
                    problems.Add($"{where}no site is named '{site.Site}'");
                }

                if (site.RepairAfter is <= 0 or > ScenarioLimits.MaxTime)
                {
                    problems.Add($"{where}a repair time must be positive and at most {SimTime.Format(ScenarioLimits.MaxTime)}");
                }

                break;
            case CrashEvent crash: HostOrGuest(crash.Target); break;
            case MigrateEvent migrate: Guest(migrate.Guest); Host(migrate.TargetHost); break;
            case PatchEvent patch: HostOrGuest(patch.Target); break;
            default: problems.Add($"{where}unknown event {e.GetType().Name}"); break;
        }
    }

    private static void ValidateTimings(Scenarios.FaultTimings t, List<string> problems)
    {
        if (t.VmRestart <= 0 || t.ContainerRestart <= 0 || t.HostReboot <= 0 || t.MigrationResume < 0 || t.MigrationDowntimeTarget < 0)
        {
            problems.Add("fault timings: restart, reboot and migration times must be positive");
        }

        if (!(t.CodeCacheWarmUpAmplitude >= 0) || double.IsInfinity(t.CodeCacheWarmUpAmplitude) || t.CodeCacheWarmUpTimeConstant <= 0)
        {
            problems.Add("fault timings: the code-cache warm-up needs an amplitude of at least 0 and a positive time constant");
        }

        if (!(t.MigrationLinkFraction > 0 && t.MigrationLinkFraction <= 1))
        {
            problems.Add("fault timings: a migration's link fraction must be above 0 and at most 1");
        }

        if (t.MigrationMaxRounds < 1 || !(t.MigrationMaxSentFactor >= 1))
        {
            problems.Add("fault timings: pre-copy needs at least one round and may send at least the VM's memory");
        }
    }

    private static string Describe(IReadOnlyCollection<GuestState> guests)
    {
        var vms = guests.Count(g => g.Kind == GuestKind.VirtualMachine);
        var containers = guests.Count(g => g.Kind == GuestKind.Container);
        var processes = guests.Where(g => g.Kind == GuestKind.Process).Sum(g => g.Instances.Length);
        var parts = new List<string>();
        if (vms > 0)
        {
            parts.Add(vms == 1 ? "1 VM" : $"{vms} VMs");
        }

        if (containers > 0)
        {
            parts.Add(containers == 1 ? "1 container" : $"{containers} containers");
        }

        if (processes > 0)
        {
            parts.Add(processes == 1 ? "1 application on the host" : $"{processes} applications on the host");
        }

        return parts.Count == 0 ? "nothing on it" : string.Join(", ", parts);
    }
}
