using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// Plays the model's random failures (<c>failures</c> blocks) on the kernel's queue, beside the scenario's scripted
/// events and on the same state: each component alternates an up time drawn from its failure distribution and a
/// repair drawn from its repair distribution, from its own stream. Up and down go through the run's counted reasons,
/// so a host failed by a script and at random at once comes back only when both are over. A failure that falls
/// while its target is already down (a hypervisor on a failed host) is skipped, as a scripted crash is, and the next
/// up time is drawn from then. docs/simulation.md, "Random failures".
/// </summary>
internal sealed class RandomFailures : IEventTarget
{
    private const int Fail = 0;
    private const int Repair = 1;

    // Apart from the scenario driver's kinds (2 and up, a few phases), so that a random event never hashes as a scripted one.
    private const int FingerprintKindBase = 64;

    private readonly SimulationRun _run;
    private readonly List<FailureComponent> _components;
    private int _failures;

    private RandomFailures(SimulationRun run, List<FailureComponent> components)
    {
        _run = run;
        _components = components;
    }

    /// <summary>Builds the run's failing components and schedules each one's first failure; nothing at all for a model without <c>failures</c>.</summary>
    /// <exception cref="SimulationSetupException">A failure spec built by hand is impossible.</exception>
    public static void Schedule(SimulationRun run)
    {
        if (!run.Scenario.RandomFailures)
        {
            return;
        }

        var components = Components(run);
        if (components.Count == 0)
        {
            return;
        }

        var problems = components.Select(c => c.Spec.Problem() is { } p ? $"random failures of {c.Name}: {p}" : null).OfType<string>().Distinct().ToList();
        if (problems.Count > 0)
        {
            throw new SimulationSetupException(problems);
        }

        var failures = new RandomFailures(run, components);
        for (var i = 0; i < components.Count; i++)
        {
            failures.Next(i, 0);
        }
    }

    public void Handle(int kind)
    {
        var index = kind >> 1;
        var phase = kind & 1;
        _run.Fingerprint.Add(_run.Kernel.Now, FingerprintKindBase + phase, index);
        if (phase == Fail)
        {
            StartFailure(index);
        }
        else
        {
            EndFailure(index);
        }
    }

    private static List<FailureComponent> Components(SimulationRun run)
    {
        var seed = run.Scenario.Seed;
        var components = new List<FailureComponent>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var host in run.Hosts)
        {
            if (host.Spec.Failures is { } machine)
            {
                components.Add(new FailureComponent(FailureComponentKind.Machine, host.Spec.Name, machine, seed, host));
            }

            if (host.Spec.Hypervisor.Failures is { } hypervisor)
            {
                components.Add(new FailureComponent(FailureComponentKind.Hypervisor, host.Spec.Name, hypervisor, seed, host));
            }

            foreach (var guest in host.Guests)
            {
                if (guest.Kind == GuestKind.VirtualMachine && guest.Os?.Failures is { } os)
                {
                    components.Add(new FailureComponent(FailureComponentKind.GuestOs, guest.Name, os, seed, host, guest));
                }

                foreach (var instance in guest.Instances)
                {
                    if (instance.Application.Spec.Failures is { } app)
                    {
                        // APP@GUEST names the instance; the same application twice in one guest gets #2, #3...
                        var name = $"{instance.Application.Spec.Name}@{guest.Name}";
                        for (var k = 2; !names.Add(name); k++)
                        {
                            name = $"{instance.Application.Spec.Name}@{guest.Name}#{k}";
                        }

                        components.Add(new FailureComponent(FailureComponentKind.Application, name, app, seed, host, guest, instance));
                    }
                }
            }
        }

        return components;
    }

    /// <summary>Schedules the component's next failure after an up time drawn now; none past the end of the run.</summary>
    private void Next(int index, long now)
    {
        var component = _components[index];
        var at = now + component.Spec.DrawTimeToFailure(component.Stream);
        if (at < _run.Scenario.Duration)
        {
            _run.Kernel.ScheduleAt(at, this, index << 1 | Fail, SimulationRun.ScenarioPriority);
        }
    }

    private void StartFailure(int index)
    {
        var component = _components[index];
        var now = _run.Kernel.Now;
        if (_failures >= RandomFailureLimits.MaxFailures)
        {
            if (_failures++ == RandomFailureLimits.MaxFailures)
            {
                _run.Record("random-capped", component.Name, $"{RandomFailureLimits.MaxFailures:N0} random failures in this run: no more are drawn (docs/limits.md)");
            }

            return;
        }

        _failures++;
        if (WhyNot(component) is { } down)
        {
            _run.Record("random-skipped", component.Name, $"{Describe(component.Kind)} while {down}: nothing runs there to fail");
            Next(index, now);
            return;
        }

        var repair = component.Spec.DrawRepair(component.Stream);
        switch (component.Kind)
        {
            case FailureComponentKind.Machine or FailureComponentKind.Hypervisor:
                _run.TakeDown(component.Host);
                // A random machine failure or hypervisor crash is unplanned like a scripted one: HA restarts its VMs.
                _run.HighAvailability?.HostFailed(component.Host);
                break;
            case FailureComponentKind.GuestOs:
                _run.TakeDown(component.Guest!);
                break;
            default:
                _run.TakeDown(component.Instance!);
                break;
        }

        var what = component.Kind switch
        {
            FailureComponentKind.Machine => $"machine failure: host down with {Count(component.Host.Guests)}",
            FailureComponentKind.Hypervisor => $"{HypervisorCrash(component.Host)}: host down with {Count(component.Host.Guests)}",
            FailureComponentKind.GuestOs => "guest OS crash: only this VM",
            _ => "application instance failure: its guest runs on",
        };
        _run.Record("random-fail", component.Name, $"{what}; back after {SimTime.Format(repair)}");
        _run.Kernel.Schedule(repair, this, index << 1 | Repair, SimulationRun.ScenarioPriority);
    }

    private void EndFailure(int index)
    {
        var component = _components[index];
        var now = _run.Kernel.Now;
        bool up;
        switch (component.Kind)
        {
            case FailureComponentKind.Machine or FailureComponentKind.Hypervisor:
                _run.BringUp(component.Host);
                foreach (var guest in component.Host.Guests)
                {
                    guest.CodeCacheColdSince = now;
                }

                up = component.Host.IsUp;
                break;
            case FailureComponentKind.GuestOs:
                _run.BringUp(component.Guest!);
                component.Guest!.CodeCacheColdSince = now;
                up = component.Guest.IsUp;
                break;
            default:
                _run.BringUp(component.Instance!);
                up = component.Instance!.IsUp;
                break;
        }

        _run.Record("random-repair", component.Name, up ? "back up" : "repaired, but still down for another reason");
        Next(index, now);
    }

    /// <summary>Why the component's failure cannot take anything down now; null when it can. A machine fails whatever runs on it.</summary>
    private static string? WhyNot(FailureComponent component) => component.Kind switch
    {
        FailureComponentKind.Machine => null,
        FailureComponentKind.Hypervisor => component.Host.IsUp ? null : $"{component.Host.Spec.Name} is down",
        FailureComponentKind.GuestOs => component.Guest!.IsUp ? null : $"{component.Guest.Name} is down",
        _ => component.Instance!.IsUp ? null : component.Guest!.IsUp ? "it is down" : $"{component.Guest.Name} is down",
    };

    private static string Describe(FailureComponentKind kind) => kind switch
    {
        FailureComponentKind.Machine => "machine failure",
        FailureComponentKind.Hypervisor => "hypervisor crash",
        FailureComponentKind.GuestOs => "guest OS crash",
        _ => "application instance failure",
    };

    private static string HypervisorCrash(HostState host) => host.Spec.Hypervisor.Kind switch
    {
        HypervisorKind.OsLevel => "kernel crash: the shared kernel takes every container",
        HypervisorKind.Hosted => "host OS crash: the hosted hypervisor takes every VM with it",
        HypervisorKind.BareMetal => "hypervisor crash: every VM",
        HypervisorKind.Paravirtual => "hypervisor crash: every domain",
        _ => "host OS crash: every application on it",
    };

    private static string Count(List<GuestState> guests)
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
