using System.Globalization;
using System.Text;
using VirtLang.Compiler;
using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Analysis;
using VirtLang.Runtime.Engine;

namespace VirtLang.StoryReport;

/// <summary>
/// examples/README.md as runs of the examples make it: each example's first scenario, then the side-by-side
/// (<see cref="SideBySide"/>). Deterministic, so a test can hold the committed file to it.
/// </summary>
internal static class StoryDocument
{
    public static string Render(string root)
    {
        var examples = Directory.GetFiles(Path.Combine(root, "examples"), "*.vdl").Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("""
            # Examples

            Models that tell the virtualization story, each checked clean (`vdl check`) and simulated (`vdl run`). The
            numbers below are **generated** by `dotnet run --project tools/StoryReport` from runs of each example's first
            scenario (its seed, its events); do not edit them by hand. `broken/` holds one model per diagnostic code.

            """);

        foreach (var path in examples)
        {
            var compilation = ModelCompilation.FromFiles([path]);
            if (compilation.HasErrors)
            {
                throw new InvalidOperationException($"{path} has errors; run `vdl check {path}`");
            }

            var lowered = ModelLowering.Lower(compilation.SemanticModel);
            var scenario = VirtLang.Runtime.Scenarios.ScenarioSpec.FirstOrBaseline(lowered.Scenarios);
            var result = Simulator.Run(lowered.Topology, scenario);
            var name = Path.GetFileName(path);
            var summary = File.ReadLines(path).TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Select(l => l.TrimStart('/').Trim());
            text.Append(CultureInfo.InvariantCulture, $"\n## [{name}]({name})\n\n{string.Join(' ', summary)}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"Scenario `{result.Scenario}`, {VirtLang.Runtime.Kernel.SimTime.Format(result.Duration)}, seed {result.Seed}.\n\n");
            text.Append("| host | hypervisor | mode | mean | p95 | energy |\n|---|---|---|--:|--:|--:|\n");
            foreach (var h in result.Hosts)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {h.Name} | {h.Hypervisor} | {h.Mode} | {Percent(h.MeanUtilization)} | {Percent(h.P95Utilization)} | {h.EnergyKilowattHours:0.0} kWh |\n");
            }

            text.Append("\n| application | instances | demand served | slowdown | availability |\n|---|--:|--:|--:|--:|\n");
            foreach (var a in result.Applications)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {a.Name} | {a.Instances} | {Percent(a.DemandSatisfied)} | {a.MeanSlowdown:0.00}x | {a.Availability * 100:0.000} % |\n");
            }

            var c = result.Consolidation;
            text.Append(CultureInfo.InvariantCulture, $"\nConsolidation: {c.HostsUsed} hosts for {c.OneApplicationPerServerHosts} application instances ({c.Ratio:0.0}x).\n");
            var notable = result.Events.Where(e => e.Kind is "crash" or "fail" or "patch" or "migrate-refused" or "certification-broken").ToList();
            if (notable.Count > 0)
            {
                text.Append('\n');
                foreach (var e in notable)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- at {VirtLang.Runtime.Kernel.SimTime.Format(e.Time)}, {e.Kind} `{e.Subject}`: {e.Detail.Replace(root, string.Empty, StringComparison.Ordinal)}\n");
                }
            }
        }

        // The same applications under each kind, side by side: vdl plan --compare's plans, each placed model simulated.
        var examplePath = Path.Combine(root, "examples", "one-app-per-server.vdl");
        var baseline = ModelLowering.Lower(ModelCompilation.FromFiles([examplePath]).SemanticModel);
        var consolidation = SideBySide.Consolidation(examplePath);
        var planned = consolidation.Select(o => o.Plan).OfType<VirtLang.Planning.PlanResult>().FirstOrDefault();
        text.Append(CultureInfo.InvariantCulture, $"""

            ## Side by side: the same applications under each kind

            The {baseline.Topology.Applications().Count} applications of [one-app-per-server.vdl](one-app-per-server.vdl) on its servers (`dl380`: {baseline.Topology.Hosts[0].Cpu.LogicalCpus} threads,
            {baseline.Topology.Hosts[0].Cpu.CapacityCores:0.#} reference cores, {baseline.Topology.Hosts[0].MemoryBytes >> 30} GiB), over its scenario's week: first as written, one server
            each; then as its plan `{planned?.Plan.Name}` places them ({Percent(planned?.Plan.Target ?? 0)} at the busiest hour of each host, the planning
            headroom, and `spare = {planned?.Plan.Spare ?? 0}` machine of the pool left free for a failure, N+1, not counted below) with
            its pool under each hypervisor kind the pool can run. The hosts are those `vdl plan --compare` finds (the same
            code: first-fit-decreasing, then CP-SAT; {Proof(consolidation)}); the utilization, slowdown and energy are not the
            planner's estimates but a run of each placed model in the simulator, as `vdl run placed.vdl` would make it.
            "served" is the smallest share of its demand any application got.

            | platform | hosts needed | mean utilization | p95 (busiest) | slowdown | energy | served |
            |---|--:|--:|--:|--:|--:|--:|

            """);
        foreach (var outcome in consolidation)
        {
            if (outcome.Result is null)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {outcome.Kind} | no plan: {outcome.Why} | | | | | |\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {outcome.Kind} | {outcome.Hosts} | {Percent(outcome.MeanUtilization)} | {Percent(outcome.P95Utilization)} | {outcome.Slowdown:0.00}x | {outcome.EnergyKilowattHours:0} kWh | {Percent(outcome.LeastServed)} |\n");
            }
        }

        var pair = SideBySide.CpuVersusIo(baseline);
        text.Append(CultureInfo.InvariantCulture, $"""

            ### CPU-bound against I/O-heavy work

            Two applications of four cores at a steady half, alone on one such server for a day: `{SideBySide.CpuBound}` does
            little I/O, `{SideBySide.IoHeavy}` much (`io = heavy`). Slowdown is how much longer the work takes than on bare
            hardware.

            | platform | {SideBySide.CpuBound} | {SideBySide.IoHeavy} |
            |---|--:|--:|

            """);
        foreach (var outcome in pair)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {outcome.Platform.Label} | {outcome.SlowdownOf(SideBySide.CpuBound):0.00}x | {outcome.SlowdownOf(SideBySide.IoHeavy):0.00}x |\n");
        }

        BlastRadius(text, root);
        return text.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>What one crash takes down: the shared kernel of a container host against one VM's OS.</summary>
    private static void BlastRadius(StringBuilder text, string root)
    {
        text.Append("""

            ## Blast radius: a shared kernel against a guest's OS

            The same kind of event, a crash, in two places: the kernel under every zone of
            [containers.vdl](containers.vdl) (scenario `kernel-panic`), and one VM's OS in
            [paravirtual.vdl](paravirtual.vdl) (scenario `guest-crash`).

            | crash | what it took down | applications with an outage | application downtime |
            |---|---|--:|--:|

            """);
        foreach (var (example, scenario) in BlastRadiusRuns)
        {
            var result = RunScenario(root, example, scenario);
            var crash = result.Events.First(e => e.Kind == "crash");
            var outages = result.Applications.Where(a => a.DowntimeMinutes > 0).ToList();
            var down = outages.Count == 0 ? "none" : string.Join(", ", outages.Select(a => $"`{a.Name}`"));
            text.Append(CultureInfo.InvariantCulture,
                $"| `{crash.Subject}` ({example}) | {crash.Detail} | {outages.Count} of {result.Applications.Count}: {down} | {result.Applications.Sum(a => a.DowntimeMinutes):0.#} min |\n");
        }
    }

    /// <summary>The runs of the blast-radius table: (example, scenario).</summary>
    public static IReadOnlyList<(string Example, string Scenario)> BlastRadiusRuns { get; } =
        [("containers.vdl", "kernel-panic"), ("paravirtual.vdl", "guest-crash")];

    public static VirtLang.Runtime.Results.SimulationResult RunScenario(string root, string example, string scenario)
    {
        var compilation = ModelCompilation.FromFiles([Path.Combine(root, "examples", example)]);
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        return Simulator.Run(lowered.Topology, lowered.Scenarios.Single(s => s.Name == scenario));
    }

    /// <summary>How far the plans are proved: the statuses of <c>vdl plan</c>.</summary>
    private static string Proof(IReadOnlyList<KindOutcome> rows)
    {
        var statuses = rows.Select(r => r.Plan?.Status.ToString().ToLowerInvariant()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return statuses is ["optimal"] ? "every plan proved optimal" : $"status {string.Join(", ", statuses)}";
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
