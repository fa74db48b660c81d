namespace VirtLang.Sweeps.Tests;

/// <summary>Replications of examples/datacenter.vdl through the real compiler, code generator and simulator.</summary>
public sealed class LocalSweepTests : IDisposable
{
    private readonly TemporaryDirectory _cache = new("vdl-sweep-cache-");

    public void Dispose() => _cache.Dispose();

    private static ModelBundle Datacenter() => ModelBundle.FromFiles([Path.Combine(RepositoryPaths.Examples, "datacenter.vdl")]);

    private async Task<byte[]> Sweep(ModelBundle model, int runs, int parallelism)
    {
        var runner = ReplicationRunner.Create(model, null, null, _cache.Path);
        var request = new SweepRequest(model, null, null, runs);
        var aggregator = new SweepAggregator(SweepDescription.Of(request, runner));
        var completed = 0;
        await new LocalSweepExecutor(parallelism).RunAsync(runner, [.. Enumerable.Range(0, runs)], s => aggregator.Add(s),
            new Progress<int>(_ => Interlocked.Increment(ref completed)), CancellationToken.None);
        return SweepJsonWriter.ToBytes(aggregator.Finish());
    }

    [Fact]
    public async Task The_aggregate_is_the_same_bytes_on_one_thread_and_on_four()
    {
        var model = Datacenter();
        var one = await Sweep(model, 6, 1);
        var four = await Sweep(model, 6, 4);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(one), System.Text.Encoding.UTF8.GetString(four));
        Assert.Contains("\"schema\": \"virtlang.sweep/1\"", System.Text.Encoding.UTF8.GetString(one), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_replication_runs_with_its_own_seed_and_is_repeatable()
    {
        var runner = ReplicationRunner.Create(Datacenter(), null, 7, _cache.Path);
        var first = runner.Run(0);
        var second = runner.Run(1);
        Assert.Equal(ReplicationSeed.For(7, 0), first.Seed);
        Assert.Equal(ReplicationSeed.For(7, 1), second.Seed);

        // Until random failures land, replications differ by demand noise: utilization moves, availability does not.
        Assert.NotEqual(first.Hosts[0].MeanUtilization, second.Hosts[0].MeanUtilization);
        Assert.Equal(first.ToBytes(), runner.Run(0).ToBytes());
        Assert.Equal(["esx-01", "esx-02", "web-01", "legacy-01", "xen-01"], first.Hosts.Select(h => h.Name));
    }

    [Fact]
    public void A_replication_is_the_plain_run_with_its_seed()
    {
        // What docs/sweeps.md promises: replication i is `vdl run --seed ReplicationSeed.For(base, i)`, series or not.
        var runner = ReplicationRunner.Create(Datacenter(), null, null, _cache.Path);
        var seed = ReplicationSeed.For(42, 3);
        var plain = VirtLang.Runtime.Engine.Simulator.Run(runner.Topology, runner.Scenario with { Seed = seed });
        Assert.Equal(ReplicationSummary.From(3, seed, plain).ToBytes(), runner.Run(3).ToBytes());
    }

    [Fact]
    public void A_replication_says_whether_each_expect_statement_held_as_the_plain_run_evaluates_it()
    {
        var runner = ReplicationRunner.Create(ModelBundle.FromFiles([Path.Combine(RepositoryPaths.Examples, "availability.vdl")]), "month", null, _cache.Path);
        Assert.Equal(
            ["expect availability shop >= 99.95%", "expect availability orders >= 99.9%", "expect served shop >= 99.5%", "expect p95 utilization ams-01 < 80%"],
            runner.ExpectationStatements);
        for (var i = 0; i < 4; i++)
        {
            var summary = runner.Run(i);
            var plain = VirtLang.Runtime.Engine.Simulator.Run(runner.Topology, runner.Scenario with { Seed = summary.Seed });
            Assert.Equal(plain.Expectations.Select(e => e.Held), summary.Expectations);
            Assert.Equal(summary.Expectations, ReplicationSummary.FromBytes(summary.ToBytes()).Expectations);
        }
    }

    [Fact]
    public void The_runner_plays_the_scenario_asked_for_and_refuses_an_unknown_one()
    {
        var model = Datacenter();
        Assert.Equal(42UL, ReplicationRunner.Create(model, null, null, _cache.Path).BaseSeed);
        var e = Assert.Throws<SweepModelException>(() => ReplicationRunner.Create(model, "nope", null, _cache.Path));
        Assert.Equal(SweepModelProblem.UnknownScenario, e.Problem);
        Assert.Contains("black-friday", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_with_errors_is_refused_with_its_diagnostics()
    {
        var model = new ModelBundle([new ModelBundleFile("broken.vdl", "host h {\n  hypervisor = nonsense\n}\n", ModelBundleFileKind.Root)]);
        var e = Assert.Throws<SweepModelException>(() => ReplicationRunner.Create(model, null, null, _cache.Path));
        Assert.Equal(SweepModelProblem.ModelErrors, e.Problem);
        Assert.NotEmpty(e.Diagnostics);
        Assert.All(e.Diagnostics, d => Assert.StartsWith("broken.vdl(", d, StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_that_reads_a_trace_runs_from_its_bundle_alone()
    {
        using var folder = new TemporaryDirectory("vdl-sweep-trace-");
        var hosted = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl"));
        folder.Write("busy.csv", "0m,90%\n60m,10%\n");
        var model = folder.Write("model.vdl", System.Text.RegularExpressions.Regex.Replace(hosted, @"profile\s*=\s*[a-z_]+\([^)]*\)", "profile = trace(\"busy.csv\")"));
        var bundle = ModelBundle.FromFiles([model]);
        Assert.Contains(bundle.Files, f => f.Kind == ModelBundleFileKind.Trace);

        // The user's files are gone: the bundle carries what the runner needs.
        File.Delete(Path.Combine(folder.Path, "busy.csv"));
        File.Delete(model);
        var runner = ReplicationRunner.Create(ModelBundle.FromBytes(bundle.ToBytes()), null, null, _cache.Path);
        Assert.NotEmpty(runner.Run(0).Applications);
    }

    /// <summary>
    /// `vdl check` applies the nearest vdlconfig.json; a sweep must check the model the same way, on this machine and on
    /// a worker that has only the bundle. Here an unknown attribute (VDL1010, an error by default) is lowered to a
    /// warning beside the model: the bundle carries the configuration and the model runs; without it, it is refused.
    /// </summary>
    [Fact]
    public void The_models_vdlconfig_travels_in_its_bundle_and_sets_the_severities_there()
    {
        using var folder = new TemporaryDirectory("vdl-sweep-config-");
        var hosted = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "models"));
        var model = folder.Write("models/model.vdl", WithUnknownAttribute(hosted));
        folder.Write("vdlconfig.json", "{ \"severity\": { \"VDL1010\": \"warning\" } }\n");
        Assert.False(Compiler.ModelCompilation.FromFiles([model]).HasErrors);

        var bundle = ModelBundle.FromFiles([model]);
        Assert.Equal([("models/model.vdl", ModelBundleFileKind.Root), ("vdlconfig.json", ModelBundleFileKind.Configuration)], bundle.Files.Select(f => (f.Path, f.Kind)));

        // The user's files are gone: the worker has the bundle alone.
        var bytes = bundle.ToBytes();
        File.Delete(model);
        File.Delete(Path.Combine(folder.Path, "vdlconfig.json"));
        var runner = ReplicationRunner.Create(ModelBundle.FromBytes(bytes), null, null, _cache.Path);
        Assert.NotEmpty(runner.Run(0).Applications);

        // The same model without its configuration is refused, and its diagnostics name the file as the bundle does.
        var bare = new ModelBundle([.. bundle.Files.Where(f => f.Kind == ModelBundleFileKind.Root)]);
        var refused = Assert.Throws<SweepModelException>(() => ReplicationRunner.Create(bare, null, null, _cache.Path));
        Assert.Contains(refused.Diagnostics, d => d.StartsWith("models/model.vdl(", StringComparison.Ordinal) && d.Contains("VDL1010", StringComparison.Ordinal));
    }

    /// <summary>The first hardware block gains an attribute the schema does not know.</summary>
    private static string WithUnknownAttribute(string model)
    {
        var at = model.IndexOf("hardware ", StringComparison.Ordinal);
        var brace = model.IndexOf('{', at) + 1;
        return model[..brace] + "\n  experimental_knob = 3" + model[brace..];
    }
}
