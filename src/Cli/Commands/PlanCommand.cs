using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using VirtLang.Cli.Files;
using VirtLang.Cli.Rendering;
using VirtLang.Compiler;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Planning;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl plan MODEL [--plan NAME] -o PLACED.vdl [--json F] [--time-limit 60s]</c>: places the plan's applications on
/// its pools' machines (docs/planning.md) and writes the placed model. 0 written; 1 the model has errors or no plan
/// exists (VDL7xxx); 2 usage or I/O.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("model") { Description = "The .vdl file with the pools and the plan (its imports are read as usual)" };
        var planName = new Option<string?>("--plan") { Description = "The plan to make (default: the model's only plan)" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the placed model (.vdl)", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the plan's figures as JSON (schema virtlang.plan/1) to this file" };
        var timeLimit = new Option<string>("--time-limit")
        {
            Description = "How long the solver may search, as a time such as 60s or 5m (0s: first-fit-decreasing only); at most 1h",
            DefaultValueFactory = _ => "60s",
        };
        var compare = new Option<bool>("--compare") { Description = "Also plan the same applications with the pools under every hypervisor kind they can run, and print them side by side" };
        var command = new Command("plan", "Place the applications of a plan on its pools' machines and write the placed model") { file, planName, output, json, timeLimit, compare };
        command.SetAction(result => Run(context, result.GetValue(file)!, result.GetValue(planName), result.GetValue(output)!, result.GetValue(json), result.GetValue(timeLimit)!, result.GetValue(compare)));
        return command;
    }

    private static int Run(CliContext context, string path, string? planName, string output, string? json, string timeLimitText, bool compare)
    {
        if (ParseTimeLimit(timeLimitText) is not { } timeLimit)
        {
            context.Error.WriteLine($"vdl: error: --time-limit {TerminalText.Sanitize(timeLimitText)}: give a time from 0s to 1h, such as 60s or 5m");
            return ExitCodes.UsageOrIo;
        }

        if (!context.TryReadSources([path], out var sources))
        {
            return ExitCodes.UsageOrIo;
        }

        var compilation = ModelCompilation.Create(sources);
        if (context.RefuseModelWithErrors(compilation, "nothing was planned or written") is { } refused)
        {
            return refused;
        }

        var modelFiles = new ModelFileSet(compilation.Files.Select(f => f.Path));
        foreach (var (option, target) in new[] { ("-o", output), ("--json", json) })
        {
            if (target is not null && modelFiles.Find(target) is { } overwritten)
            {
                context.Error.WriteLine($"vdl: error: {option} {TerminalText.Sanitize(target)} would overwrite {TerminalText.Sanitize(overwritten)}, a file of the model; nothing was planned or written, name another output");
                return ExitCodes.UsageOrIo;
            }
        }

        var diagnostics = new List<Diagnostic>();
        var plan = Choose(compilation, planName, diagnostics);
        var options = new PlanOptions { TimeLimit = timeLimit, UseSolver = timeLimit > TimeSpan.Zero };
        var result = plan is null ? null : Planner.Plan(compilation.SemanticModel, plan, options, diagnostics);
        var placed = result is null ? null : PlacedModelWriter.Write(compilation, result, diagnostics);
        if (placed is null || result is null)
        {
            CommonOptions.Renderer("text", context.Style).Render(diagnostics, compilation.Files.Length, context.Out);
            context.Out.WriteLine("No plan: nothing was written.");
            return ExitCodes.Errors;
        }

        try
        {
            OutputFile.WriteText(output, placed);
            if (json is not null)
            {
                OutputFile.WriteText(json, Json(result));
            }
        }
        catch (OutputFileException e)
        {
            context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }

        Summary(context.Out, result);
        context.Out.WriteLine($"Wrote {TerminalText.Sanitize(output)}.");
        if (compare)
        {
            SideBySide(context.Out, KindComparison.Compare(compilation, result.Plan, options));
        }

        return ExitCodes.Success;
    }

    private static PlanSymbol? Choose(ModelCompilation compilation, string? name, List<Diagnostic> diagnostics)
    {
        var plans = compilation.SemanticModel.Plans;
        var start = new Location(compilation.Files[0].Tree.Text, new Language.Text.TextSpan(0, 0));
        if (name is not null)
        {
            if (plans.FirstOrDefault(p => p.Name == name) is { } named)
            {
                return named;
            }

            diagnostics.Add(new Diagnostic(Compiler.Diagnostics.PlanningDiagnostics.NoPlan, start,
                [$"the model has no plan `{name}`{(plans.Count == 0 ? string.Empty : $"; its plans: {string.Join(", ", plans.Select(p => $"`{p.Name}`"))}")}"]));
            return null;
        }

        if (plans.Count == 1)
        {
            return plans[0];
        }

        diagnostics.Add(new Diagnostic(Compiler.Diagnostics.PlanningDiagnostics.NoPlan, start,
            [plans.Count == 0
                ? "the model has no `plan` block; declare one, as in `plan consolidate { target = 70% }` (docs/planning.md)"
                : $"the model has {plans.Count} plans ({string.Join(", ", plans.Select(p => $"`{p.Name}`"))}); choose one with --plan NAME"]));
        return null;
    }

    private static TimeSpan? ParseTimeLimit(string text)
    {
        var parsed = QuantityGrammar.Parse(text.Trim());
        var quantity = parsed.Value;
        if (!parsed.Success || quantity.Dimension != Dimension.Time || quantity.Value < 0 || quantity.Value > PlanOptions.MaximumTimeLimit.TotalSeconds)
        {
            return null;
        }

        return TimeSpan.FromSeconds(quantity.Value);
    }

    private static void Summary(TextWriter to, PlanResult result)
    {
        to.WriteLine($"Plan `{result.Plan.Name}`: {result.Hosts.Count} host{(result.Hosts.Count == 1 ? string.Empty : "s")}");
        foreach (var (pool, hosts) in result.HostsPerPool)
        {
            to.WriteLine($"  pool {pool.Name}: {hosts} of {pool.Count}");
        }

        to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lower bound: {result.LowerBound} (gap {result.Gap:0.0%}); first-fit-decreasing: {(result.FirstFitHosts is { } ffd ? ffd.ToString(CultureInfo.InvariantCulture) : "no plan")}"));
        to.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Status: {result.Status.ToString().ToLowerInvariant()} ({result.SolverSeconds:0.00} s of CP-SAT{(result.ClockStopped ? ", stopped by the clock: another run may differ" : string.Empty)})"));
        to.WriteLine($"Binding: {result.Binding}");
        to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Energy over the horizon: {result.EnergyKilowattHours:0.0} kWh"));
    }

    private static void SideBySide(TextWriter to, IReadOnlyList<(string Kind, PlanResult? Result, string? Why)> rows)
    {
        to.WriteLine();
        to.WriteLine("The same plan under every kind the pools can run:");
        to.WriteLine("kind         hosts  bound  energy kWh  slowdown  mean util  p95 util  status");
        foreach (var (kind, result, why) in rows)
        {
            to.WriteLine(result is null
                ? $"{kind,-12} no plan: {TerminalText.Sanitize(why ?? "unknown")}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{kind,-12} {result.Hosts.Count,5}  {result.LowerBound,5}  {result.EnergyKilowattHours,10:0.0}  {result.MeanSlowdown,7:0.00}x  {result.MeanUtilization,9:0.0%}  {result.P95Utilization,8:0.0%}  {result.Status.ToString().ToLowerInvariant()}"));
        }
    }

    /// <summary>The figures as JSON: no timing, so that the same model gives the same bytes.</summary>
    private static string Json(PlanResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", "virtlang.plan/1");
            writer.WriteString("plan", result.Plan.Name);
            writer.WriteString("status", result.Status.ToString().ToLowerInvariant());
            writer.WriteNumber("hosts", result.Hosts.Count);
            writer.WriteNumber("lowerBound", result.LowerBound);
            writer.WriteNumber("gap", Math.Round(result.Gap, 6));
            if (result.FirstFitHosts is { } ffd)
            {
                writer.WriteNumber("firstFitDecreasingHosts", ffd);
            }
            else
            {
                writer.WriteNull("firstFitDecreasingHosts"); // it found no plan; the exact search did
            }

            writer.WriteString("binding", result.Binding);
            writer.WriteNumber("energyKilowattHours", Math.Round(result.EnergyKilowattHours, 3));
            writer.WriteStartArray("pools");
            foreach (var (pool, hosts) in result.HostsPerPool)
            {
                writer.WriteStartObject();
                writer.WriteString("name", pool.Name);
                writer.WriteNumber("count", pool.Count);
                writer.WriteNumber("hosts", hosts);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("placements");
            foreach (var host in result.Hosts)
            {
                writer.WriteStartObject();
                writer.WriteString("host", host.Name);
                writer.WriteString("pool", host.Pool.Name);
                writer.WriteStartArray("instances");
                foreach (var instance in host.Instances)
                {
                    writer.WriteStartObject();
                    writer.WriteString("app", instance.App.Name);
                    writer.WriteNumber("replica", instance.Replica);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
