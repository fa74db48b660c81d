using VirtLang.Compiler;
using VirtLang.Compiler.Configuration;
using VirtLang.Compiler.Hosting;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Text;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Sweeps;

/// <summary>
/// One model, compiled once (the checker and the code generator of <c>vdl run</c>), ready to run any replication of one
/// scenario: <see cref="Run"/> is a pure function of the index, safe to call from many threads at once (each run builds
/// its own simulator state over the shared, read-only topology).
/// </summary>
public sealed class ReplicationRunner
{
    private static readonly SimulationOptions Options = new() { RecordSeries = false };

    private ReplicationRunner(Topology topology, ScenarioSpec scenario, ulong baseSeed)
    {
        Topology = topology;
        Scenario = scenario;
        BaseSeed = baseSeed;
        ExpectationStatements = [.. scenario.Expectations.Select(e => e.Statement ?? ExpectationEvaluation.Describe(e))];
    }

    public Topology Topology { get; }

    /// <summary>The scenario every replication plays (its seed replaced by each replication's).</summary>
    public ScenarioSpec Scenario { get; }

    /// <summary>The seed replications' seeds derive from: the one asked for, else the scenario's.</summary>
    public ulong BaseSeed { get; }

    /// <summary>
    /// The text of each of the scenario's <c>expect</c> statements, in order, for <see cref="SweepAggregator.Finish"/>;
    /// whether each held in a replication is in its summary's <see cref="ReplicationSummary.Expectations"/>, same order.
    /// </summary>
    public IReadOnlyList<string> ExpectationStatements { get; }

    /// <summary>Compiles <paramref name="model"/> and picks <paramref name="scenario"/> (null: the first, else a day of the baseline, as <c>vdl run</c>).</summary>
    /// <exception cref="SweepModelException">The model has errors, the generated code failed, or it has no such scenario.</exception>
    public static ReplicationRunner Create(ModelBundle model, string? scenario, ulong? baseSeed) => Create(model, scenario, baseSeed, cacheDirectory: null);

    /// <summary>As <see cref="Create(ModelBundle, string?, ulong?)"/>, with the compiled model cached in <paramref name="cacheDirectory"/> (null: the user's cache).</summary>
    /// <exception cref="SweepModelException">The model has errors, the generated code failed, or it has no such scenario.</exception>
    public static ReplicationRunner Create(ModelBundle model, string? scenario, ulong? baseSeed, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(model);
        var generated = Compile(model, cacheDirectory);
        ScenarioSpec spec;
        if (scenario is null)
        {
            spec = ScenarioSpec.FirstOrBaseline(generated.Scenarios);
        }
        else
        {
            spec = generated.Scenarios.FirstOrDefault(s => s.Name == scenario)
                ?? throw new SweepModelException($"no scenario `{scenario}`: {(generated.Scenarios.Count == 0 ? "the model has none" : "the model has " + string.Join(", ", generated.Scenarios.Select(s => s.Name)))}")
                {
                    Problem = SweepModelProblem.UnknownScenario,
                };
        }

        return new ReplicationRunner(generated.Topology, spec, baseSeed ?? spec.Seed);
    }

    /// <summary>Runs replication <paramref name="index"/> with the seed <see cref="ReplicationSeed.For"/>(base, index).</summary>
    /// <exception cref="SweepModelException">The simulator refused the scenario's setup.</exception>
    public ReplicationSummary Run(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var seed = ReplicationSeed.For(BaseSeed, index);
        try
        {
            var result = Simulator.Run(Topology, Scenario with { Seed = seed }, Options);
            return ReplicationSummary.From(index, seed, result);
        }
        catch (SimulationSetupException e)
        {
            throw new SweepModelException($"the scenario `{Scenario.Name}` cannot run", e.Problems) { Problem = SweepModelProblem.Setup };
        }
    }

    /// <summary>
    /// The model from memory when it reads no trace and has no configuration; otherwise it is written to a private
    /// temporary folder first, since the checker and the generated code read traces from files and a vdlconfig.json
    /// applies to the files of its folder. Either way the files are those of the bundle, so every worker compiles the
    /// same model, with the severities `vdl check` gave it.
    /// </summary>
    private static GeneratedModel Compile(ModelBundle model, string? cacheDirectory)
    {
        if (!model.Files.Any(f => f.Kind is ModelBundleFileKind.Trace or ModelBundleFileKind.Configuration))
        {
            var sources = model.Files.Where(f => f.Kind is ModelBundleFileKind.Root or ModelBundleFileKind.Import).ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
            var roots = model.Files.Where(f => f.Kind == ModelBundleFileKind.Root).Select(f => SourceText.From(f.Text, f.Path)).ToList();
            return Load(ModelCompilation.Create(roots, new InMemorySourceProvider(sources)), cacheDirectory, folder: null);
        }

        var folder = Directory.CreateTempSubdirectory("vdl-sweep-");
        try
        {
            foreach (var file in model.Files)
            {
                var path = Path.Combine(folder.FullName, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            // The model's own configurations are in the bundle; one above the temporary folder (the machine's) must not
            // apply to a file that had none where the user checked it: an empty configuration at the top ends the search.
            var top = Path.Combine(folder.FullName, ConfigurationReader.FileName);
            if (!File.Exists(top))
            {
                File.WriteAllText(top, "{}\n");
            }

            var rootPaths = model.Files.Where(f => f.Kind == ModelBundleFileKind.Root).Select(f => Path.Combine(folder.FullName, f.Path)).ToList();
            return Load(ModelCompilation.FromFiles(rootPaths), cacheDirectory, folder.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ModelFileException)
        {
            throw new SweepModelException($"the model's files could not be written to a temporary folder: {e.Message}", e) { Problem = SweepModelProblem.Files };
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left in the temporary folder: the system cleans it.
            }
        }
    }

    /// <param name="folder">The temporary folder the bundle was written to: diagnostics name files as the bundle does, not there.</param>
    private static GeneratedModel Load(ModelCompilation compilation, string? cacheDirectory, string? folder)
    {
        if (compilation.HasErrors)
        {
            var prefix = folder is null ? null : Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
            throw new SweepModelException("the model has errors; nothing was simulated",
                [.. compilation.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).Select(d => prefix is not null && d.StartsWith(prefix, StringComparison.Ordinal) ? d[prefix.Length..] : d)]);
        }

        try
        {
            return ModelHost.Load(compilation, cacheDirectory);
        }
        catch (TraceFormatException e)
        {
            throw new SweepModelException(e.Message, e);
        }
        catch (GeneratedCodeException e)
        {
            throw new SweepModelException($"the generated code failed (a bug in vdl): {e.Message}", [.. e.Problems]) { Problem = SweepModelProblem.GeneratedCode };
        }
    }
}
