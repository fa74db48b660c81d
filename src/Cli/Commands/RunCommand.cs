using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using VirtLang.Cli.Files;
using VirtLang.Cli.Rendering;
using VirtLang.Compiler;
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
/// code fails (a bug of ours), 4 when the run completed but one of the scenario's `expect` statements failed. The model becomes C#, compiled in memory (or loaded from the cache when unchanged),
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
        if (StandardStreamPath.Is(outputs.Csv))
        {
            context.Error.WriteLine("vdl: error: --csv writes a folder of CSV files, and - (standard output) is not a folder; use --json - for the results on standard output");
            return ExitCodes.UsageOrIo;
        }

        if (StandardStreamPath.Is(outputs.Json) && StandardStreamPath.Is(outputs.Report))
        {
            context.Error.WriteLine("vdl: error: --json - and --report - would both write to standard output; send one of them to a file");
            return ExitCodes.UsageOrIo;
        }

        // With an output on standard output, everything for people goes to standard error.
        var people = StandardStreamPath.Is(outputs.Json) || StandardStreamPath.Is(outputs.Report) ? context.Error : context.Out;
        if (!context.TryReadModel(paths, "Running", out var sources, people))
        {
            return ExitCodes.UsageOrIo;
        }

        // On a second thread while the model is parsed and checked (neither needs more than the files' text): the cached
        // model built, or else Roslyn started. The check decides whether any of it is used.
        var headStart = ModelHeadStart.Begin(sources);
        var trees = sources.Select(Language.Syntax.SyntaxTree.Parse).ToList();
        headStart.Parsed(trees);
        var compilation = ModelCompilation.Create(trees);
        if (RefuseOutputsOverModel(context, compilation, outputs) is { } overwrites)
        {
            return overwrites;
        }

        if (context.RefuseModelWithErrors(compilation, "nothing was simulated", people) is { } refused)
        {
            return refused;
        }

        var warnings = compilation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (warnings > 0)
        {
            people.WriteLine($"{warnings} warning{(warnings == 1 ? string.Empty : "s")} (`vdl check` shows them).");
        }

        GeneratedModel lowered;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using (CompileNotice.Start(context, compilation.SemanticModel))
            {
                lowered = ModelHost.Load(compilation, headStart: headStart);
            }
        }
        catch (Exception e) when (e is TraceFormatException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.Errors;
        }
        catch (GeneratedCodeException e)
        {
            return context.ReportGeneratedCodeFailure(e);
        }

        people.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated C# {(lowered.FromCache ? "loaded from the cache" : "compiled")} in {watch.Elapsed.TotalSeconds:0.00} s."));

        ScenarioSpec scenario;
        if (scenarioName is not null)
        {
            var found = lowered.Scenarios.FirstOrDefault(s => s.Name == scenarioName);
            if (found is null)
            {
                var known = lowered.Scenarios.Count == 0 ? "the model has none" : "the model has " + string.Join(", ", lowered.Scenarios.Select(s => s.Name));
                context.Error.WriteLine(TerminalText.Sanitize($"vdl: error: no scenario `{scenarioName}`: {known}"));
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
        using (var progress = ProgressLine.Start(context, scenario.Duration))
        {
            try
            {
                result = Simulator.Run(lowered.Topology, scenario, new SimulationOptions { Progress = progress.Report });
            }
            catch (SimulationSetupException e)
            {
                progress.Clear();
                foreach (var problem in e.Problems)
                {
                    context.Error.WriteLine(TerminalText.Sanitize($"vdl: error: {problem}"));
                }

                return ExitCodes.Errors;
            }

            progress.Clear();
        }

        ResultSummary.Write(result, people);
        try
        {
            if (outputs.Json is { } jsonPath)
            {
                using var stream = new MemoryStream();
                ResultJsonWriter.Write(result, stream);
                Write(context, people, jsonPath, stream.ToArray(), "Results written to");
            }

            if (outputs.Csv is { } csvPath)
            {
                WriteCsv(result, csvPath);
                people.WriteLine($"CSV files written to {TerminalText.Sanitize(csvPath)}.");
            }

            if (outputs.Report is { } reportPath)
            {
                var model = compilation.SemanticModel;
                var topology = model.Hosts.Count <= MaxHostsDrawnInReport ? TopologySvg.Render(model) : null;
                var title = string.Join(", ", sources.Select(source => Path.GetFileName(source.Path)));
                Write(context, people, reportPath, System.Text.Encoding.UTF8.GetBytes(HtmlReport.Render(result, title, topology)), "Report written to");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: cannot write the results: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }

        // The outputs are written either way: a failed expectation is a finding about the model, and its figures are in them.
        if (!result.ExpectationsHeld)
        {
            foreach (var line in ResultSummary.FailedExpectations(result))
            {
                context.Error.WriteLine(TerminalText.Sanitize($"vdl: {line}"));
            }

            return ExitCodes.ExpectationFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// An output that is a file of the model (the model named, or one it imports; the same file through a link too)
    /// would destroy it: refused before anything runs, exit 2.
    /// </summary>
    private static int? RefuseOutputsOverModel(CliContext context, ModelCompilation compilation, Outputs outputs)
    {
        var modelFiles = new ModelFileSet(compilation.Files.Select(f => f.Path));
        var named = new List<(string Option, string Path)>();
        if (outputs.Json is { } json)
        {
            named.Add(("--json", json));
        }

        if (outputs.Report is { } report)
        {
            named.Add(("--report", report));
        }

        if (outputs.Csv is { } csv)
        {
            named.AddRange(ResultCsvWriter.Files.Select(file => ("--csv", Path.Combine(csv, file.Name))));
        }

        foreach (var (option, path) in named)
        {
            if (modelFiles.Find(path) is { } modelFile)
            {
                context.Error.WriteLine(TerminalText.Sanitize(
                    $"vdl: error: {option} {path} would overwrite {modelFile}, a file of the model; nothing was run or written, name another output"));
                return ExitCodes.UsageOrIo;
            }
        }

        return null;
    }

    /// <summary>One output: to standard output for <c>-</c>, else to the file (its folder made when missing).</summary>
    private static void Write(CliContext context, TextWriter people, string path, byte[] bytes, string saying)
    {
        if (StandardStreamPath.Is(path))
        {
            context.Out.Write(System.Text.Encoding.UTF8.GetString(bytes));
            context.Out.Flush();
            return;
        }

        CreateParentDirectory(path);
        OutputFile.Write(path, bytes);
        people.WriteLine($"{saying} {TerminalText.Sanitize(path)}.");
    }

    /// <summary>Each CSV file through <see cref="OutputFile"/>, as the other outputs (links kept, devices written to).</summary>
    private static void WriteCsv(SimulationResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, write) in ResultCsvWriter.FilesFor(result))
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            write(result, text);
            OutputFile.Write(Path.Combine(directory, name), System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        }
    }

    /// <summary>An output file's folder is made when missing, as <c>--csv</c> makes its own (and <c>dotnet build -o</c> does).</summary>
    private static void CreateParentDirectory(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }
}
