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
            CheckBlock(context, host.View.Child("failures"), $"of {host.Display}");
            CheckBlock(context, host.View.Child("hypervisor").Child("failures"), $"of the hypervisor of {host.Display}");
        }

        foreach (var os in model.OperatingSystems)
        {
            CheckBlock(context, os.View.Child("failures"), $"of os `{os.Name}`");
        }

        foreach (var app in model.Applications)
        {
            CheckBlock(context, app.View.Child("failures"), $"of app `{app.Name}`");
        }

        foreach (var scenario in model.Scenarios.Where(s => s.RandomFailures && s.Duration is > 0))
        {
            CheckCount(context, scenario);
        }
    }

    private void CheckBlock(RuleContext context, BlockView block, string whose)
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

        var distribution = ValueReader.Word(block.Find("distribution")?.Attribute.Value) ?? "exponential";
        var repair = ValueReader.Word(block.Find("repair")?.Attribute.Value) ?? "exponential";
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

            Report(context, CompilerDiagnostics.IncompleteFailures, block.NameLocation, [whose, what, way]);
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
        var duration = ModelLowering.DurationTicks(scenario);
        var components = new List<(string What, double Expected)>();
        void Add(FailureSpec? spec, double copies, string what)
        {
            if (spec is not null)
            {
                components.Add((what, copies * RandomFailureLimits.ExpectedFailures(duration, spec)));
            }
        }

        foreach (var host in context.Model.Hosts)
        {
            Add(host.Failures, host.Copies, $"the machine of {host.Display} (mtbf {Time(host.Failures)})");
            Add(host.HypervisorFailures, host.Copies, $"the hypervisor of {host.Display} (mtbf {Time(host.HypervisorFailures)})");
            foreach (var guest in host.Guests)
            {
                var copies = (double)host.Copies * guest.Copies;
                if (guest.IsVm)
                {
                    Add(guest.Os?.Failures, copies, $"the guest OS of {guest.Display} (mtbf {Time(guest.Os?.Failures)})");
                }

                foreach (var app in guest.Runs)
                {
                    Add(app.Failures, copies, $"app `{app.Name}` in {guest.Display} (mtbf {Time(app.Failures)})");
                }
            }

            foreach (var app in host.Runs)
            {
                Add(app.Failures, host.Copies, $"app `{app.Name}` on {host.Display} (mtbf {Time(app.Failures)})");
            }
        }

        var expected = components.Sum(c => c.Expected);
        if (expected <= RandomFailureLimits.MaxFailures)
        {
            return;
        }

        var most = components.MaxBy(c => c.Expected);
        var where = scenario.View.Find("duration") is not null ? scenario.Where("duration") : scenario.Declaration;
        Report(context, CompilerDiagnostics.TooManyRandomFailures, where,
            [scenario.Name, expected.ToString("N0", CultureInfo.InvariantCulture), SimTime.Format(duration),
                RandomFailureLimits.MaxFailures.ToString("N0", CultureInfo.InvariantCulture),
                $"{most.What}, about {most.Expected.ToString("N0", CultureInfo.InvariantCulture)}"]);
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
