using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>The real <c>vdl run --json</c> on a model with random failures (issue 13, item 3).</summary>
public sealed class RandomFailuresEndToEndTests : IDisposable
{
    private const string Model = """
        hardware box {
          cpu {
            cores    = 8
            features = [vtx, ept]
          }
          memory = 64GiB
          failures { mtbf = 20d  mttr = 12h }
        }

        os linux {
          family = linux
        }

        app web {
          replicas = 2
          demand {
            cpu = 1
          }
          failures {
            mtbf         = 3d
            mttr         = 30m
            distribution = weibull
            shape        = 1.5
          }
        }

        host h1 : box {
          hypervisor {
            kind = bare_metal
          }
          vm w1 {
            os     = linux
            vcpus  = 2
            memory = 4GiB
            runs   = [web]
          }
        }

        host h2 : box {
          hypervisor {
            kind = bare_metal
          }
          vm w2 {
            os     = linux
            vcpus  = 2
            memory = 4GiB
            runs   = [web]
          }
        }

        scenario year {
          duration = 365d
          step     = 1h
          at 100d fail h1 for 2d
        }

        scenario scripted {
          duration        = 365d
          step            = 1h
          random_failures = false
          at 100d fail h1 for 2d
        }

        """;

    private readonly TemporaryDirectory _temporary = new("vdl-failures-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void RunDrawsTheFailuresOfTheModelAndTheSameSeedGivesTheSameBytes()
    {
        _temporary.Write("m.vdl", Model);
        var result = VdlProcess.Run(_temporary.Path, "run", "m.vdl", "--json", "a.json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("random-fail", result.Output, StringComparison.Ordinal);

        var first = File.ReadAllText(Path.Combine(_temporary.Path, "a.json"));
        using (var json = JsonDocument.Parse(first))
        {
            var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
            string Kind(JsonElement e) => e.GetProperty("kind").GetString()!;
            string Subject(JsonElement e) => e.GetProperty("subject").GetString()!;
            Assert.Contains(events, e => Kind(e) == "fail" && Subject(e) == "h1");
            Assert.Contains(events, e => Kind(e) == "random-fail" && Subject(e) is "h1" or "h2");
            Assert.Contains(events, e => Kind(e) == "random-fail" && Subject(e) is "web@w1" or "web@w2");
            // Every failure is repaired in the log, but those still under repair at the end (at most one per component: 2 machines, 2 instances).
            var unrepaired = events.Count(e => Kind(e) == "random-fail") - events.Count(e => Kind(e) == "random-repair");
            Assert.InRange(unrepaired, 0, 4);
            Assert.All(json.RootElement.GetProperty("hosts").EnumerateArray(), h => Assert.True(h.GetProperty("downtimeMinutes").GetDouble() > 0));
            var web = json.RootElement.GetProperty("applications").EnumerateArray().Single();
            Assert.InRange(web.GetProperty("availability").GetDouble(), 0.9, 1 - 1e-9);
        }

        Assert.Equal(0, VdlProcess.Run(_temporary.Path, "run", "m.vdl", "--json", "b.json").ExitCode);
        Assert.Equal(first, File.ReadAllText(Path.Combine(_temporary.Path, "b.json")));
        Assert.Equal(0, VdlProcess.Run(_temporary.Path, "run", "m.vdl", "--seed", "7", "--json", "c.json").ExitCode);
        Assert.NotEqual(first, File.ReadAllText(Path.Combine(_temporary.Path, "c.json")));
    }

    [Fact]
    public void AScenarioCanTurnRandomFailuresOff()
    {
        _temporary.Write("m.vdl", Model);
        var result = VdlProcess.Run(_temporary.Path, "run", "m.vdl", "--scenario", "scripted", "--json", "s.json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temporary.Path, "s.json")));
        var kinds = json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["fail", "repair"], kinds);
    }

    [Fact]
    public void TooManyRandomFailuresAreRefusedBeforeTheRun()
    {
        _temporary.Write("m.vdl", Model.Replace("failures { mtbf = 20d  mttr = 12h }", "failures { mtbf = 1m  mttr = 1s }", StringComparison.Ordinal));
        var result = VdlProcess.Run(_temporary.Path, "run", "m.vdl", "--json", "x.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("VDL1045", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temporary.Path, "x.json")));
    }
}
