using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using VirtLang.Cli.Files;
using VirtLang.Cli.Rendering;
using VirtLang.Compiler;
using VirtLang.Language.Diagnostics;
using VirtLang.Sweeps;
using VirtLang.Sweeps.Orleans;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl sweep FILE... --runs N</c>: N independent replications of one scenario, replication i seeded from the base
/// seed and i, aggregated per application and host (docs/sweeps.md). Exit codes as <c>vdl run</c>: 0 done, 1 the
/// model has errors or cannot run, 2 usage or I/O, 3 a bug of ours.
/// </summary>
internal static class SweepCommand
{
    /// <summary>The most replications one sweep may ask for (docs/limits.md).</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The most replications run at once on this machine (docs/limits.md).</summary>
    public const int MaxParallelism = 1024;

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = $"The .vdl files of the model (none: the built-in example `{BuiltInExamples.DefaultName}`)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario to replicate (default: the first of the model)" };
        var runs = new Option<int>("--runs")
        {
            Description = $"How many replications (1 to {MaxRuns:N0})",
            Required = true,
            CustomParser = r => Bounded(r, "--runs", 1, MaxRuns),
        };
        var seed = new Option<ulong?>("--seed")
        {
            Description = "The base seed replications' seeds derive from (default: the scenario's `seed`, else 42)",
            CustomParser = ParseSeed,
        };
        var json = new Option<string?>("--json") { Description = "Also write the aggregate as JSON (schema virtlang.sweep/1) to this file" };
        var csv = new Option<string?>("--csv") { Description = "Also write the aggregate as CSV files into this folder" };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report with each application's distribution to this file" };
        var parallel = new Option<int?>("--parallel")
        {
            Description = $"Replications run at once (1 to {MaxParallelism}; default: one per core, here {Environment.ProcessorCount})",
            CustomParser = r => Bounded(r, "--parallel", 1, MaxParallelism),
        };
        var cluster = ClusterOptions.Cluster("Run the replications on the workers (`vdl worker`) of the cluster kept in this Redis server: redis://HOST:PORT", required: false);
        var command = new Command("sweep", "Run many seeded replications of a scenario and aggregate them (Monte Carlo)")
        {
            files, scenario, runs, seed, json, csv, report, parallel, cluster,
        };
        command.SetAction(result => Run(context, result.GetValue(files) ?? [], new Settings(
            result.GetValue(scenario), result.GetValue(runs), result.GetValue(seed), result.GetValue(parallel) ?? Environment.ProcessorCount,
            result.GetValue(json), result.GetValue(csv), result.GetValue(report))
        { Cluster = result.GetValue(cluster), ParallelGiven = result.GetValue(parallel) is not null }));
        return command;
    }

    private sealed record Settings(string? Scenario, int Runs, ulong? Seed, int Parallelism, string? Json, string? Csv, string? Report)
    {
        /// <summary>The cluster to run on (<c>--cluster</c>); null: this machine's cores.</summary>
        public SweepClusterAddress? Cluster { get; init; }

        public bool ParallelGiven { get; init; }
    }

    private static int Bounded(ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{option} takes a whole number from {min:N0} to {max:N0}, not `{text}`");
        return min;
    }

    private static ulong? ParseSeed(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"--seed takes a whole number from 0 to {ulong.MaxValue}, not `{text}`");
        return null;
    }

    private static int Run(CliContext context, string[] paths, Settings settings)
    {
        if (settings.Cluster is not null && settings.ParallelGiven)
        {
            context.Error.WriteLine("vdl: error: --parallel sets this machine's threads, and with --cluster the workers run the replications; give one or the other");
            return ExitCodes.UsageOrIo;
        }

        if (StandardStreamPath.Is(settings.Csv))
        {
            context.Error.WriteLine("vdl: error: --csv writes a folder of CSV files, and - (standard output) is not a folder; use --json - for the aggregate on standard output");
            return ExitCodes.UsageOrIo;
        }

        if (StandardStreamPath.Is(settings.Json) && StandardStreamPath.Is(settings.Report))
        {
            context.Error.WriteLine("vdl: error: --json - and --report - would both write to standard output; send one of them to a file");
            return ExitCodes.UsageOrIo;
        }

        var people = StandardStreamPath.Is(settings.Json) || StandardStreamPath.Is(settings.Report) ? context.Error : context.Out;
        if (!context.TryReadModel(paths, "Sweeping", out var sources, people))
        {
            return ExitCodes.UsageOrIo;
        }

        var compilation = ModelCompilation.Create(sources);
        if (RefuseOutputsOverInputs(context, compilation, settings) is { } overwrites)
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

        ModelBundle bundle;
        ReplicationRunner runner;
        try
        {
            bundle = ModelBundle.FromCompilation(compilation, sources.Select(s => s.Path));
            using (CompileNotice.Start(context, compilation.SemanticModel))
            {
                runner = ReplicationRunner.Create(bundle, settings.Scenario, settings.Seed);
            }
        }
        catch (SweepDataException e)
        {
            context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }
        catch (SweepModelException e)
        {
            return Refuse(context, e);
        }

        var request = new SweepRequest(bundle, settings.Scenario, settings.Seed, settings.Runs);
        var aggregator = new SweepAggregator(SweepDescription.Of(request, runner));
        var executor = new LocalSweepExecutor(Math.Min(settings.Parallelism, settings.Runs));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string where;
        if (settings.Cluster is { } cluster)
        {
            if (ClusterSweep.Run(context, people, cluster, request, aggregator) is { } failed)
            {
                return failed.ExitCode ?? Refuse(context, failed.Refusal!);
            }

            where = $"on the cluster at {cluster}";
        }
        else
        {
            using (var progress = ReplicationProgressLine.Start(context, settings.Runs))
            {
                progress.Report(0);
                try
                {
                    executor.RunAsync(runner, [.. Enumerable.Range(0, settings.Runs)], summary => aggregator.Add(summary), progress, CancellationToken.None)
                        .GetAwaiter().GetResult();
                }
                catch (SweepModelException e)
                {
                    progress.Clear();
                    return Refuse(context, e);
                }

                progress.Clear();
            }

            where = $"on {executor.Parallelism} thread{(executor.Parallelism == 1 ? string.Empty : "s")}";
        }

        var result = aggregator.Finish(runner.ExpectationStatements);
        people.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Runs:N0} replications in {watch.Elapsed.TotalSeconds:0.0} s {where}."));
        SweepTextSummary.Write(result, people);
        try
        {
            if (settings.Json is { } jsonPath)
            {
                Write(context, people, jsonPath, SweepJsonWriter.ToBytes(result), "Aggregate written to");
            }

            if (settings.Csv is { } csvPath)
            {
                Directory.CreateDirectory(csvPath);
                foreach (var (name, bytes) in SweepCsvWriter.Files(result))
                {
                    OutputFile.Write(Path.Combine(csvPath, name), bytes);
                }

                people.WriteLine($"CSV files written to {TerminalText.Sanitize(csvPath)}.");
            }

            if (settings.Report is { } reportPath)
            {
                var title = string.Join(", ", sources.Select(source => Path.GetFileName(source.Path)));
                Write(context, people, reportPath, System.Text.Encoding.UTF8.GetBytes(SweepHtmlReport.Render(result, title)), "Report written to");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"vdl: error: cannot write the aggregate: {TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }

        return ExitCodes.Success;
    }

    /// <summary>The model cannot run: an unknown scenario is a usage error (2), generated code that failed a bug of ours (3), the rest the model's (1).</summary>
    private static int Refuse(CliContext context, SweepModelException e)
    {
        var head = e.Problem == SweepModelProblem.GeneratedCode ? "vdl: internal error: " : "vdl: error: ";
        context.Error.WriteLine(TerminalText.Sanitize(head + e.Message.Split('\n')[0].TrimEnd('\r')));
        foreach (var problem in e.Diagnostics)
        {
            context.Error.WriteLine(TerminalText.Sanitize((e.Problem == SweepModelProblem.Setup ? "vdl: error: " : "  ") + problem));
        }

        return e.Problem switch
        {
            SweepModelProblem.UnknownScenario => ExitCodes.UsageOrIo,
            SweepModelProblem.GeneratedCode => ExitCodes.Internal,
            SweepModelProblem.Files => ExitCodes.UsageOrIo,
            _ => ExitCodes.Errors,
        };
    }

    /// <summary>
    /// An output that is an input (a file of the model, or a trace it reads; through a link too) would destroy it:
    /// refused before anything runs, exit 2.
    /// </summary>
    private static int? RefuseOutputsOverInputs(CliContext context, ModelCompilation compilation, Settings settings)
    {
        var inputs = new ModelFileSet(compilation.Files.Select(f => f.Path)
            .Concat(compilation.SemanticModel.Applications.Select(a => a.TraceFile).OfType<string>()));
        var named = new List<(string Option, string Path)>();
        if (settings.Json is { } json)
        {
            named.Add(("--json", json));
        }

        if (settings.Report is { } report)
        {
            named.Add(("--report", report));
        }

        if (settings.Csv is { } csv)
        {
            named.AddRange(SweepCsvWriter.FileNames.Select(name => ("--csv", Path.Combine(csv, name))));
        }

        foreach (var (option, path) in named)
        {
            if (inputs.Find(path) is { } input)
            {
                context.Error.WriteLine(TerminalText.Sanitize(
                    $"vdl: error: {option} {path} would overwrite {input}, a file the model reads; nothing was run or written, name another output"));
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

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        OutputFile.Write(path, bytes);
        people.WriteLine($"{saying} {TerminalText.Sanitize(path)}.");
    }
}
