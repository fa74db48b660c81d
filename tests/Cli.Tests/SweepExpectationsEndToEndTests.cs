using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// The real <c>vdl sweep</c> on a scenario with <c>expect</c> statements: each replication evaluates them as
/// <c>vdl run</c> does, and the aggregate says in how many they held, with the Wilson interval, in every output.
/// </summary>
public sealed class SweepExpectationsEndToEndTests : IDisposable
{
    private const int Runs = 40;

    /// <summary>
    /// db's host never fails, so its first two statements are decided by every run alike (one always holds, one never);
    /// web's host fails at random (mean up time 3 days) and is fully available only in the two days without a failure,
    /// about half of the replications (e^(−2/3)).
    /// </summary>
    private const string Model = """
        hardware box {
          cpu {
            cores    = 8
            features = [vtx, ept]
          }
          memory = 64GiB
        }

        os linux {
          family = linux
        }

        app web {
          demand {
            cpu = 1
          }
        }

        app db {
          demand {
            cpu = 1
          }
        }

        host h1 : box {
          hypervisor {
            kind = bare_metal
          }
          failures { mtbf = 3d  mttr = 4h }
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
          vm d1 {
            os     = linux
            vcpus  = 2
            memory = 4GiB
            runs   = [db]
          }
        }

        scenario days {
          duration = 2d
          step     = 1h
          expect availability db >= 99%
          expect availability db < 50%
          expect availability web >= 100%
        }

        """;

    private readonly TemporaryDirectory _temporary = new("vdl-sweep-expect-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Each_expectation_is_counted_over_the_replications_with_its_wilson_interval()
    {
        _temporary.Write("m.vdl", Model);
        var result = VdlProcess.Run(_temporary.Path, "sweep", "m.vdl", "--runs", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--json", "-", "--parallel", "1");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var expectations = json.RootElement.GetProperty("expectations").EnumerateArray().ToList();
        Assert.Equal(3, expectations.Count);
        Assert.Equal(["expect availability db >= 99%", "expect availability db < 50%", "expect availability web >= 100%"],
            expectations.Select(e => e.GetProperty("statement").GetString()));
        Assert.Equal([0, 1, 2], expectations.Select(e => e.GetProperty("index").GetInt32()));

        var held = expectations.Select(e => e.GetProperty("held").GetInt64()).ToList();
        Assert.Equal(Runs, held[0]);
        Assert.Equal(0, held[1]);
        Assert.InRange(held[2], 1, Runs - 1);
        foreach (var e in expectations)
        {
            var probability = e.GetProperty("probability").GetDouble();
            Assert.Equal((double)e.GetProperty("held").GetInt64() / Runs, probability, 9);
            Assert.InRange(probability, e.GetProperty("low").GetDouble(), e.GetProperty("high").GetDouble());
        }

        // Wilson's interval is not empty at 0 and n successes, unlike the normal approximation.
        Assert.True(expectations[0].GetProperty("low").GetDouble() < 1);
        Assert.True(expectations[1].GetProperty("high").GetDouble() > 0);

        // Not held is what the figures say: web's worst replication was below 100 %, db's never below 99 %.
        double Min(string name) => json.RootElement.GetProperty("applications").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == name).GetProperty("availability").GetProperty("min").GetDouble();
        Assert.True(Min("web") < 1);
        Assert.True(Min("db") >= 0.99);

        // People read the same counts on standard error (the JSON takes standard output).
        Assert.Contains($"expect availability db >= 99%: held in {Runs} of {Runs} (100.0 % [", result.Error, StringComparison.Ordinal);
        Assert.Contains($"expect availability db < 50%: held in 0 of {Runs} (0.0 % [0.0 %, ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"expect availability web >= 100%: held in {held[2]} of {Runs} (", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aggregate_with_expectations_is_the_same_bytes_on_one_and_two_threads_in_every_output()
    {
        _temporary.Write("m.vdl", Model);
        var one = VdlProcess.Run(_temporary.Path, "sweep", "m.vdl", "--runs", "30", "--parallel", "1", "--json", "one.json", "--csv", "one", "--report", "one.html");
        Assert.True(one.ExitCode == 0, one.ToString());
        var two = VdlProcess.Run(_temporary.Path, "sweep", "m.vdl", "--runs", "30", "--parallel", "2", "--json", "two.json", "--csv", "two", "--report", "two.html");
        Assert.True(two.ExitCode == 0, two.ToString());

        byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(_temporary.Path, name));
        Assert.Equal(Bytes("one.json"), Bytes("two.json"));
        Assert.Equal(Bytes("one.html"), Bytes("two.html"));
        foreach (var csv in Directory.GetFiles(Path.Combine(_temporary.Path, "one")).Select(Path.GetFileName))
        {
            Assert.Equal(Bytes(Path.Combine("one", csv!)), Bytes(Path.Combine("two", csv!)));
        }

        var rows = File.ReadAllLines(Path.Combine(_temporary.Path, "one", "expectations.csv"));
        Assert.Equal("index,statement,replications,held,probability,probability_low,probability_high", rows[0]);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("0,expect availability db >= 99%,30,30,1,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("1,expect availability db < 50%,30,0,0,0,", rows[2], StringComparison.Ordinal);

        var html = File.ReadAllText(Path.Combine(_temporary.Path, "one.html"));
        Assert.Contains("expect availability web &gt;= 100%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The scenario states no expectation", html, StringComparison.Ordinal);
    }
}
