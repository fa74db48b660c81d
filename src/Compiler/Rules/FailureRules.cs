using System.Globalization;
using VirtLang.Compiler.Binding;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Lowering;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// Random failures (<c>failures</c> blocks, docs/simulation.md "Random failures"): VDL1044 for a block the simulator
/// could not draw from (no mtbf or mttr, a distribution without its parameter), VDL1046 for a parameter its
/// distribution does not use, VDL1045 for a scenario whose expected number of failures passes the simulator's bound
/// (<see cref="RandomFailureLimits"/>). Blocks are checked as the binder reads them: through the base chain, so a
/// host's block may complete its hardware's. A message about a block many hosts share is reported once.
/// </summary>
internal sealed class FailureRules : IRuleFamily
{
    private readonly HashSet<(Location, string)> _reported = [];

    public string Name => "failures";

    public void Check(RuleContext context)
    {
        var model = context.Model;
        foreach (var host in model.Hosts)
        {
            CheckBlock(context, host.View.Child("failures"), host, static h => $"of {h.Display}");
            CheckBlock(context, host.View.Child("hypervisor").Child("failures"), host, static h => $"of the hypervisor of {h.Display}");
        }

        foreach (var os in model.OperatingSystems)
        {
            CheckBlock(context, os.View.Child("failures"), os, static o => $"of os `{o.Name}`");
        }

        foreach (var app in model.Applications)
        {
            CheckBlock(context, app.View.Child("failures"), app, static a => $"of app `{a.Name}`");
        }

        foreach (var scenario in model.Scenarios.Where(s => s.RandomFailures && s.Duration is > 0))
        {
            CheckCount(context, scenario);
        }
    }

    /// <param name="whose">Names the block's owner in a message: formatted only when there is one (most hosts have no failures block).</param>
    private void CheckBlock<TOwner>(RuleContext context, BlockView block, TOwner owner, Func<TOwner, string> whose)
    {
        if (block.IsEmpty)
        {
            return;
        }

        var missing = new List<string>();
        foreach (var required in new[] { "mtbf", "mttr" })
        {
            if (block.Find(required) is null)
            {
                missing.Add($"`{required}`");
            }
        }

        var distribution = ValueReader.Word(block.Find("distribution")?.Attribute.ValueView) ?? "exponential";
        var repair = ValueReader.Word(block.Find("repair")?.Attribute.ValueView) ?? "exponential";
        var needs = new List<string>();
        if (distribution == "weibull" && block.Find("shape") is null)
        {
            needs.Add("`distribution = weibull` needs `shape` (1.5: wear-out)");
        }

        if (distribution == "lognormal" && block.Find("sigma") is null)
        {
            needs.Add("`distribution = lognormal` needs `sigma` (0.8, say)");
        }

        if (repair == "lognormal" && block.Find("repair_sigma") is null)
        {
            needs.Add("`repair = lognormal` needs `repair_sigma`");
        }

        if (missing.Count > 0 || needs.Count > 0)
        {
            var what = missing.Count > 0 ? $"has no {string.Join(" or ", missing)}" : "lacks a parameter";
            var way = missing.Count > 0
                ? "write both, e.g. `failures { mtbf = 30d  mttr = 4h }` (a host's block may take them from its hardware's)"
                : string.Join("; ", needs);
            if (missing.Count > 0 && needs.Count > 0)
            {
                way += "; " + string.Join("; ", needs);
            }

            Report(context, CompilerDiagnostics.IncompleteFailures, block.NameLocation, [whose(owner), what, way]);
        }

        Unused(context, block, "shape", distribution != "weibull", $"`shape` is the Weibull shape, and this block's distribution is {distribution}");
        Unused(context, block, "sigma", distribution != "lognormal", $"`sigma` is the lognormal σ of up times, and this block's distribution is {distribution}");
        Unused(context, block, "repair_sigma", repair != "lognormal", $"`repair_sigma` is for `repair = lognormal`, and this block's repairs are {repair}");
    }

    private void Unused(RuleContext context, BlockView block, string attribute, bool unused, string why)
    {
        if (unused && block.Find(attribute) is not null)
        {
            Report(context, CompilerDiagnostics.UnusedFailureParameter, block.WhereName(attribute), [attribute, why]);
        }
    }

    /// <summary>The expected failures of every component, copies counted as the simulator will make them, against the bound.</summary>
    private void CheckCount(RuleContext context, ScenarioSymbol scenario)
    {
        // A running sum in component order (the same additions as summing a list of them) and the first largest
        // component (as MaxBy compares), whose description alone is formatted, when the bound is passed: a model has
        // a component per guest, and formatting each one's description was a tenth of the whole check.
        var duration = ModelLowering.DurationTicks(scenario);
        var expected = 0.0;
        var most = default(Component);
        var mostExpected = 0.0;
        var any = false;
        void Add(FailureSpec? spec, double copies, Component component)
        {
            if (spec is null)
            {
                return;
            }

            var failures = copies * RandomFailureLimits.ExpectedFailures(duration, spec);
            expected += failures;
            if (!any || Comparer<double>.Default.Compare(failures, mostExpected) > 0)
            {
                (most, mostExpected, any) = (component, failures, true);
            }
        }

        foreach (var host in context.Model.Hosts)
        {
            Add(host.Failures, host.Copies, new Component(ComponentKind.Machine, host, null, null));
            Add(host.HypervisorFailures, host.Copies, new Component(ComponentKind.Hypervisor, host, null, null));
            foreach (var guest in host.Guests)
            {
                var copies = (double)host.Copies * guest.Copies;
                if (guest.IsVm)
                {
                    Add(guest.Os?.Failures, copies, new Component(ComponentKind.GuestOs, host, guest, null));
                }

                var runs = guest.Runs;
                for (var i = 0; i < runs.Count; i++)
                {
                    Add(runs[i].Failures, copies, new Component(ComponentKind.AppInGuest, host, guest, runs[i]));
                }
            }

            foreach (var app in host.Runs)
            {
                Add(app.Failures, host.Copies, new Component(ComponentKind.AppOnHost, host, null, app));
            }
        }

        if (expected <= RandomFailureLimits.MaxFailures)
        {
            return;
        }

        var where = scenario.View.Find("duration") is not null ? scenario.Where("duration") : scenario.Declaration;
        Report(context, CompilerDiagnostics.TooManyRandomFailures, where,
            [scenario.Name, expected.ToString("N0", CultureInfo.InvariantCulture), SimTime.Format(duration),
                RandomFailureLimits.MaxFailures.ToString("N0", CultureInfo.InvariantCulture),
                $"{most.What}, about {mostExpected.ToString("N0", CultureInfo.InvariantCulture)}"]);
    }

    private enum ComponentKind
    {
        Machine,
        Hypervisor,
        GuestOs,
        AppInGuest,
        AppOnHost,
    }

    /// <summary>What can fail at random, described only for the message.</summary>
    private readonly record struct Component(ComponentKind Kind, HostSymbol Host, GuestSymbol? Guest, ApplicationSymbol? App)
    {
        public string What => Kind switch
        {
            ComponentKind.Machine => $"the machine of {Host.Display} (mtbf {Time(Host.Failures)})",
            ComponentKind.Hypervisor => $"the hypervisor of {Host.Display} (mtbf {Time(Host.HypervisorFailures)})",
            ComponentKind.GuestOs => $"the guest OS of {Guest!.Display} (mtbf {Time(Guest.Os?.Failures)})",
            ComponentKind.AppInGuest => $"app `{App!.Name}` in {Guest!.Display} (mtbf {Time(App.Failures)})",
            _ => $"app `{App!.Name}` on {Host.Display} (mtbf {Time(App.Failures)})",
        };
    }

    private static string Time(FailureSpec? spec) => spec is null ? string.Empty : SimTime.Format(spec.Mtbf);

    private void Report(RuleContext context, DiagnosticDescriptor descriptor, Location location, object[] arguments)
    {
        if (_reported.Add((location, descriptor.Code)))
        {
            context.Report(descriptor, location, arguments);
        }
    }
}
