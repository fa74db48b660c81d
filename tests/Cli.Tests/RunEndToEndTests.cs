using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>The real <c>vdl run</c> process: check, lower, simulate, print and write results.</summary>
public sealed class RunEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-run-");

    private string WorkingDirectory => _temporary.Path;

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void RunWithNoFileSimulatesTheBuiltInExampleAndTellsItsStory()
    {
        var result = VdlProcess.Run(WorkingDirectory, "run", "--json", "out.json", "--csv", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Scenario `black-friday`: 7d at 1m steps, seed 42", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nesx-01 +bare_metal +nested_paging ", result.Output);
        Assert.Contains("fail             esx-01     host down with 1 VM; repaired after 2h", result.Output, StringComparison.Ordinal);
        Assert.Contains("5 containers restart on the patched kernel", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"Fingerprint [0-9a-f]{16}\.", result.Output);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(WorkingDirectory, "out.json")));
        Assert.Equal("virtlang.simulation/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("hosts").GetArrayLength());

        // billing has a replica on each of two hosts: the failure of one leaves it available.
        var billing = json.RootElement.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "billing");
        Assert.Equal(1.0, billing.GetProperty("availability").GetDouble());
        Assert.True(File.Exists(Path.Combine(WorkingDirectory, "csv", "utilization.csv")));

        Assert.Contains("Generated C# compiled in", result.Output, StringComparison.Ordinal);

        // The same model and seed give the same bytes, from the cached assembly this time; another seed does not.
        var again = VdlProcess.Run(WorkingDirectory, "run", "--json", "again.json");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Generated C# loaded from the cache in", again.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(WorkingDirectory, "out.json")), File.ReadAllText(Path.Combine(WorkingDirectory, "again.json")));
        Assert.Equal(0, VdlProcess.Run(WorkingDirectory, "run", "--seed", "7", "--json", "other.json").ExitCode);
        Assert.NotEqual(File.ReadAllText(Path.Combine(WorkingDirectory, "out.json")), File.ReadAllText(Path.Combine(WorkingDirectory, "other.json")));
    }

    [Fact]
    public void AModelWithErrorsIsNotSimulated()
    {
        File.WriteAllText(Path.Combine(WorkingDirectory, "bad.vdl"), "host h {\n  memroy = 1GiB\n}\n");
        var result = VdlProcess.Run(WorkingDirectory, "run", "bad.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[VDL1010]", result.Output, StringComparison.Ordinal);
        Assert.Contains("nothing was simulated", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownScenarioIsAUsageErrorThatListsTheScenarios()
    {
        var result = VdlProcess.Run(WorkingDirectory, "run", "--scenario", "cyber-monday");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("vdl: error: no scenario `cyber-monday`: the model has black-friday\n", result.Error);
    }

    [Fact]
    public void CopiesMadeByCountAreSimulatedOneByOne()
    {
        File.WriteAllText(Path.Combine(WorkingDirectory, "pool.vdl"), """
            os solaris {
              family = solaris
            }
            hardware box {
              cpu {
                cores    = 8
                features = [vtx, ept]
              }
              memory = 64GiB
            }
            app shop {
              demand {
                cpu     = 1
                memory  = 1GiB
                profile = constant(50%)
              }
            }
            host zones : box {
              os = solaris
              hypervisor {
                kind = os_level
              }
              container pool {
                runs  = [shop]
                count = 4
              }
            }
            scenario day {
              duration = 1d
              at 1h crash pool-3
            }
            """);
        var result = VdlProcess.Run(WorkingDirectory, "run", "pool.vdl", "--json", "pool.json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(WorkingDirectory, "pool.json")));
        var shop = json.RootElement.GetProperty("applications")[0];
        Assert.Equal(4, shop.GetProperty("instances").GetInt32());
        var host = json.RootElement.GetProperty("hosts")[0];
        Assert.InRange(host.GetProperty("utilization").GetProperty("mean").GetDouble(), 0.22, 0.28); // 4 x 0.5 cores on 8
        var crash = json.RootElement.GetProperty("events")[0];
        Assert.Equal("pool-3", crash.GetProperty("subject").GetString());
    }
}
