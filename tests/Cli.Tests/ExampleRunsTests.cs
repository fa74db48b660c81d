using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// Every example through the real `vdl run` (check, generated C#, simulation, JSON), once; the facts hold the results
/// to the story of examples/README.md by ranges and orderings, never by exact floats.
/// </summary>
public sealed class ExampleRunsTests(ExampleRunsTests.Runs runs) : IClassFixture<ExampleRunsTests.Runs>
{
    [Fact]
    public void EveryExampleRunsCleanly()
    {
        var examples = Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(examples, runs.Results.Keys.Order(StringComparer.Ordinal));
        Assert.All(runs.Results, r => Assert.Equal("virtlang.simulation/1", r.Value.GetProperty("schema").GetString()));
    }

    [Fact]
    public void OneApplicationPerServerIdlesInTheClassicBand() =>
        Assert.All(Hosts("one-app-per-server.vdl"), h => Assert.InRange(h.GetProperty("utilization").GetProperty("mean").GetDouble(), 0.08, 0.15));

    [Fact]
    public void IoHeavyWorkCostsMostOnHostedBinaryTranslationAndLeastInContainers()
    {
        var hostedIo = Slowdown("hosted.vdl", "test-db");
        Assert.InRange(hostedIo, 3.0, 3.9); // SPEC WEB99: fewer than a third of native's clients
        Assert.InRange(Slowdown("hosted.vdl", "build-farm"), 1.0, 1.3);
        var paravirtual = Applications("paravirtual.vdl").Max(a => a.GetProperty("meanSlowdown").GetDouble());
        var containers = Applications("containers.vdl").Max(a => a.GetProperty("meanSlowdown").GetDouble());
        Assert.True(hostedIo > paravirtual && paravirtual >= containers, $"{hostedIo} > {paravirtual} >= {containers}");
        Assert.InRange(containers, 1.0, 1.01);
    }

    [Fact]
    public void APatchOfTheSharedKernelRebootsTheHostWithEveryContainer()
    {
        var patch = runs.Results["containers.vdl"].GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "patch");
        Assert.Contains("host reboots with 7 containers", patch.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All(Applications("containers.vdl"), a => Assert.True(a.GetProperty("downtimeMinutes").GetDouble() >= 5));
    }

    [Fact]
    public void AReplicaOnAnotherHostKeepsAnApplicationUpWhenItsHostFails()
    {
        Assert.Equal(1.0, Applications("bare-metal.vdl").Single(a => a.GetProperty("name").GetString() == "erp").GetProperty("availability").GetDouble());
        Assert.True(Applications("bare-metal.vdl").Single(a => a.GetProperty("name").GetString() == "analytics").GetProperty("availability").GetDouble() < 1);
    }

    [Fact]
    public void ConsolidationNeedsFewerHostsThanOneApplicationPerServer()
    {
        Assert.Equal(1.0, runs.Results["one-app-per-server.vdl"].GetProperty("consolidation").GetProperty("ratio").GetDouble());
        foreach (var example in new[] { "datacenter.vdl", "containers.vdl", "paravirtual.vdl" })
        {
            Assert.True(runs.Results[example].GetProperty("consolidation").GetProperty("ratio").GetDouble() > 1, example);
        }
    }

    private IEnumerable<JsonElement> Hosts(string example) => runs.Results[example].GetProperty("hosts").EnumerateArray();

    private IEnumerable<JsonElement> Applications(string example) => runs.Results[example].GetProperty("applications").EnumerateArray();

    private double Slowdown(string example, string application) =>
        Applications(example).Single(a => a.GetProperty("name").GetString() == application).GetProperty("meanSlowdown").GetDouble();

    /// <summary>`vdl run EXAMPLE --json` for every example, in one temporary folder (one model cache), once for the class.</summary>
    public sealed class Runs : IDisposable
    {
        private readonly TemporaryDirectory _temporary = new("vdl-examples-");

        public Runs()
        {
            foreach (var path in Directory.GetFiles(RepositoryPaths.Examples, "*.vdl"))
            {
                var name = Path.GetFileName(path);
                var json = Path.Combine(_temporary.Path, name + ".json");
                var run = VdlProcess.Run(_temporary.Path, "run", path, "--json", json);
                if (run.ExitCode != 0)
                {
                    throw new InvalidOperationException($"vdl run {name} failed: {run}");
                }

                using var document = JsonDocument.Parse(File.ReadAllText(json));
                Results[name] = document.RootElement.Clone();
            }
        }

        public Dictionary<string, JsonElement> Results { get; } = new(StringComparer.Ordinal);

        public void Dispose() => _temporary.Dispose();
    }
}
