using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using VirtLang.Compiler;
using VirtLang.Cli.Rendering;
using VirtLang.Compiler.Graphs;
using VirtLang.Compiler.Hosting;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Reports;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl run FILE...</c>: check the model, then simulate one of its scenarios and print what happened; 0 when the run
/// completed, 1 when the model has errors or the scenario cannot run, 2 for usage or I/O errors, 3 when the generated
/// code fails (a bug of ours). The model becomes C#, compiled in memory (or loaded from the cache when unchanged),
/// which builds the simulator's objects.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = $"The .vdl files of the model (none: the built-in example `{BuiltInExamples.DefaultName}`)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario to run (default: the first of the model)" };
        var seed = new Option<ulong?>("--seed")
        {
            Description = "The random seed (default: the scenario's `seed`, else 42)",
            CustomParser = ParseSeed,
        };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON (schema virtlang.simulation/1) to this file" };
        var csv = new Option<string?>("--csv") { Description = "Also write the results as CSV files into this folder" };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report (charts and topology) to this file" };
        var command = new Command("run", "Check a model and simulate one of its scenarios") { files, scenario, seed, json, csv, report };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], result.GetValue(scenario), result.GetValue(seed),
            new Outputs(result.GetValue(json), result.GetValue(csv), result.GetValue(report))));
        return command;
    }

    /// <summary>A whole number from 0 to 2^64-1; anything else is refused in words, not with the CLR's type name.</summary>
    private static ulong? ParseSeed(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"--seed takes a whole number from 0 to {ulong.MaxValue}, not `{text}`");
        return null;
    }

    /// <summary>The files a run writes besides its summary; null for those not asked for.</summary>
    private sealed record Outputs(string? Json, string? Csv, string? Report);

    /// <summary>Beyond this many hosts the report leaves the topology out: a drawing that tall helps nobody, and `vdl graph` still makes it.</summary>
    private const int MaxHostsDrawnInReport = 200;

    private static int Run(CliContext context, string[] paths, string? scenarioName, ulong? seed, Outputs outputs)
    {
        if (!context.TryReadModel(paths, "Running", out var sources))
        {
            return ExitCodes.UsageOrIo;
        }

        var compilation = ModelCompilation.Create(sources);
        if (context.RefuseModelWithErrors(compilation, "nothing was simulated") is { } refused)
        {
            return refused;
        }

        var warnings = compilation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (warnings > 0)
        {
            context.Out.WriteLine($"{warnings} warning{(warnings == 1 ? string.Empty : "s")} (`vdl check` shows them).");
        }

        GeneratedModel lowered;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            lowered = ModelHost.Load(compilation);
        }
        catch (Exception e) when (e is TraceFormatException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: {e.Message}");
            return ExitCodes.Errors;
        }
        catch (GeneratedCodeException e)
        {
            return context.ReportGeneratedCodeFailure(e);
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated C# {(lowered.FromCache ? "loaded from the cache" : "compiled")} in {watch.Elapsed.TotalSeconds:0.00} s."));

        ScenarioSpec scenario;
        if (scenarioName is not null)
        {
            var found = lowered.Scenarios.FirstOrDefault(s => s.Name == scenarioName);
            if (found is null)
            {
                var known = lowered.Scenarios.Count == 0 ? "the model has none" : "the model has " + string.Join(", ", lowered.Scenarios.Select(s => s.Name));
                context.Error.WriteLine($"vdl: error: no scenario `{scenarioName}`: {known}");
                return ExitCodes.UsageOrIo;
            }

            scenario = found;
        }
        else
        {
            // Without a scenario the model still has a day to live through: the baseline.
            scenario = ScenarioSpec.FirstOrBaseline(lowered.Scenarios);
        }

        if (seed is { } s)
        {
            scenario = scenario with { Seed = s };
        }

        SimulationResult result;
        try
        {
            result = Simulator.Run(lowered.Topology, scenario, new SimulationOptions { Progress = ProgressBar(context, scenario.Duration) });
        }
        catch (SimulationSetupException e)
        {
            foreach (var problem in e.Problems)
            {
                context.Error.WriteLine($"vdl: error: {problem}");
            }

            return ExitCodes.Errors;
        }

        if (Console.IsErrorRedirected is false && context.Error == Console.Error)
        {
            context.Error.Write("\r\u001b[K");
        }

        ResultSummary.Write(result, context.Out);
        try
        {
            if (outputs.Json is { } jsonPath)
            {
                using var stream = new MemoryStream();
                ResultJsonWriter.Write(result, stream);
                CreateParentDirectory(jsonPath);
                AtomicFile.WriteAllText(jsonPath, System.Text.Encoding.UTF8.GetString(stream.ToArray()), utf8Bom: false);
                context.Out.WriteLine($"Results written to {jsonPath}.");
            }

            if (outputs.Csv is { } csvPath)
            {
                ResultCsvWriter.Write(result, csvPath);
                context.Out.WriteLine($"CSV files written to {csvPath}.");
            }

            if (outputs.Report is { } reportPath)
            {
                var model = compilation.SemanticModel;
                var topology = model.Hosts.Count <= MaxHostsDrawnInReport ? TopologySvg.Render(model) : null;
                var title = string.Join(", ", sources.Select(source => Path.GetFileName(source.Path)));
                CreateParentDirectory(reportPath);
                AtomicFile.WriteAllText(reportPath, HtmlReport.Render(result, title, topology), utf8Bom: false);
                context.Out.WriteLine($"Report written to {reportPath}.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: cannot write the results: {e.Message}");
            return ExitCodes.UsageOrIo;
        }

        return ExitCodes.Success;
    }

    /// <summary>An output file's folder is made when missing, as <c>--csv</c> makes its own (and <c>dotnet build -o</c> does).</summary>
    private static void CreateParentDirectory(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>
    /// Simulated time and an estimate of what is left, on standard error, only when it is a terminal: redirected
    /// output (a file, a pipe, CI, the tests) stays free of it.
    /// </summary>
    private static Action<long>? ProgressBar(CliContext context, long duration)
    {
        if (Console.IsErrorRedirected || context.Error != Console.Error)
        {
            return null;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        return now =>
        {
            var done = (double)now / duration;
            var left = done > 0 ? watch.Elapsed.TotalSeconds * (1 - done) / done : 0;
            var bar = new string('#', (int)(done * 30)).PadRight(30, '.');
            context.Error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{bar}] {SimTime.Format(now)} of {SimTime.Format(duration)} simulated, about {left:0}s left"));
        };
    }
}
