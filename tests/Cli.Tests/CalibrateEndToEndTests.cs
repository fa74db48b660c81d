using System.Text;
using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// The real <c>vdl calibrate</c> over the repository's calibration/ (run once, in <see cref="CalibrationSuiteRun"/>),
/// and over small synthetic models for each way a row or a header can go wrong.
/// </summary>
public sealed class CalibrateEndToEndTests(CalibrateEndToEndTests.CalibrationSuiteRun suite)
    : IClassFixture<CalibrateEndToEndTests.CalibrationSuiteRun>, IDisposable
{
    /// <summary>
    /// Experiments whose targeted rows are off with today's physics, each with why. When one comes within tolerance
    /// the test below fails, asking to take it off this list.
    /// </summary>
    private static readonly Dictionary<string, string> KnownOff = new(StringComparer.Ordinal)
    {
    };

    private readonly TemporaryDirectory _temporary = new("vdl-calibrate-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void EveryTargetedRowOfTheSuiteIsWithinItsTolerance()
    {
        var rows = suite.Json.RootElement.GetProperty("rows").EnumerateArray().ToList();

        // Every expect line of every file became a row: no file was skipped, no header was misread.
        var expectLines = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "calibration"), "*.vdl")
            .Sum(file => File.ReadLines(file).TakeWhile(line => line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
                .Count(line => line.StartsWith("// expect:", StringComparison.Ordinal)));
        Assert.Equal(expectLines, rows.Count);
        Assert.Empty(suite.Json.RootElement.GetProperty("problems").EnumerateArray());

        foreach (var row in rows.Where(r => r.GetProperty("targeted").GetBoolean()))
        {
            var experiment = row.GetProperty("experiment").GetString()!;
            var what = $"{experiment}: {row.GetProperty("metric").GetString()} {row.GetProperty("subject").GetString()}";
            var status = row.GetProperty("status").GetString();
            if (KnownOff.ContainsKey(experiment))
            {
                Assert.True(status != "ok", $"{what} is now within its tolerance: take it off {nameof(KnownOff)}");
                continue;
            }

            Assert.True(status == "ok", $"{what} is {status}: {row}");
            var published = row.GetProperty("published").GetDouble();
            var simulated = row.GetProperty("simulated").GetDouble();
            Assert.InRange(Math.Abs(simulated / published - 1), 0, row.GetProperty("tolerance").GetDouble());
        }
    }

    [Fact]
    public void TheSuiteShowsUnconfirmedFiguresWithoutTargetingThem()
    {
        var untargeted = suite.Json.RootElement.GetProperty("rows").EnumerateArray().Where(r => !r.GetProperty("targeted").GetBoolean()).ToList();
        Assert.NotEmpty(untargeted);
        Assert.All(untargeted, row => Assert.Equal("untargeted", row.GetProperty("status").GetString()));
    }

    /// <summary>docs/calibration.md holds the table the suite generates; VDL_UPDATE_BASELINES=1 rewrites it.</summary>
    [Fact]
    public void TheCalibrationPageIsTheGeneratedTable()
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "calibration.md");
        if (Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(page, suite.GeneratedPage, new UTF8Encoding(false));
            return;
        }

        Assert.Equal(File.ReadAllText(page), suite.GeneratedPage);
    }

    [Fact]
    public void ARowFarOffFailsTheRun()
    {
        var model = _temporary.Write("far-off.vdl", Synthetic("confirmed", "expect: slowdown job = 2.0 ± 5%"));
        var result = VdlProcess.Run(_temporary.Path, "calibrate", model);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"far-off +slowdown job +2\.000 +1\.000 +-50\.0 % +±5 % +off", result.Output);
        Assert.Contains("1 row: 1 off.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnconfirmedRowNeverFailsTheRun()
    {
        _temporary.Write("unconfirmed.vdl", Synthetic("unconfirmed", "expect: slowdown job = 2.0 ± 5%"));
        _temporary.Write("within.vdl", Synthetic("secondary", "expect: slowdown job = 1.0 ± 1%\n// expect: served job = 100% ± 1%"));
        var result = VdlProcess.Run(_temporary.Path, "calibrate", ".", "--json", "-");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("passed").GetBoolean());
        var statuses = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("experiment").GetString()}:{r.GetProperty("line").GetInt32()}:{r.GetProperty("status").GetString()}");
        Assert.Equal(["unconfirmed:6:untargeted", "within:6:ok", "within:7:ok"], statuses);
        Assert.Contains("untargeted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedHeaderIsLocatedAndStopsTheFile()
    {
        var text = Synthetic("secondary", "expect: slowdwn job = 1.0 ± 5%").Replace("// role: fitted", "// rol: fitted", StringComparison.Ordinal);
        _temporary.Write("broken.vdl", text);
        _temporary.Write("subject.vdl", Synthetic("secondary", "expect: slowdown jobs = 1.0 ± 5%"));
        var result = VdlProcess.Run(_temporary.Path, "calibrate", "broken.vdl", "subject.vdl");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("broken.vdl:5:4: error: unknown key `rol:` (did you mean `role:`?)", result.Error, StringComparison.Ordinal);
        Assert.Contains("broken.vdl:6:12: error: unknown metric `slowdwn` (did you mean `slowdown`?)", result.Error, StringComparison.Ordinal);
        Assert.Contains("subject.vdl:6:21: error: `jobs` is not an application of this model (did you mean `job`?)", result.Error, StringComparison.Ordinal);
        Assert.Contains("  = help: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownOntoAnInputIsRefused()
    {
        var model = _temporary.Write("model.vdl", Synthetic("secondary", "expect: slowdown job = 1.0 ± 5%"));
        var before = File.ReadAllText(model);
        var result = VdlProcess.Run(_temporary.Path, "calibrate", ".", "--markdown", "./model.vdl");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is one of the calibration files", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(model));
    }

    /// <summary>A model whose application runs natively in a container (slowdown 1, all demand served), under the given header.</summary>
    private static string Synthetic(string confidence, string expect) => $$"""
        // calibration: a synthetic experiment
        // source: this test
        // published: nothing; the rows are made up
        // confidence: {{confidence}}
        // role: fitted
        // {{expect}}

        os linux {
          family  = linux
          version = "6.1"
          kernel  = "6.1.0"
        }

        hardware box {
          cpu {
            sockets = 1
            cores   = 4
            threads = 1
          }
          memory = 16GiB
        }

        app job {
          requires {
            os = [linux]
          }
          isolation = container
          demand {
            cpu     = 1
            memory  = 1GiB
            io      = light
            profile = constant(100%)
          }
        }

        host node : box {
          os    = linux
          patch = "2024.01"
          hypervisor {
            kind = os_level
          }
          container job-1 {
            runs         = [job]
            cpu_shares   = 2
            memory_limit = 2GiB
          }
        }

        scenario day {
          duration = 1d
          step     = 1h
        }

        """;

    /// <summary>
    /// The repository's calibration/ run once for the class, as a user would from the repository root: the files
    /// copied under a temporary folder (the compiled-model cache goes there), the default folder, JSON on standard
    /// output, and the Markdown written into a copy of docs/calibration.md.
    /// </summary>
    public sealed class CalibrationSuiteRun : IDisposable
    {
        private readonly TemporaryDirectory _temporary = new("vdl-calibration-suite-");

        public CalibrationSuiteRun()
        {
            var folder = Directory.CreateDirectory(Path.Combine(_temporary.Path, "calibration")).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "calibration"), "*.vdl"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var page = Path.Combine(_temporary.Path, "calibration.md");
            File.Copy(Path.Combine(RepositoryPaths.Root, "docs", "calibration.md"), page);
            var result = VdlProcess.Run(_temporary.Path, "calibrate", "--json", "-", "--markdown", "calibration.md");
            if (result.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"vdl calibrate failed: {result}");
            }

            Json = JsonDocument.Parse(result.Output);
            GeneratedPage = File.ReadAllText(page);
        }

        public JsonDocument Json { get; }

        public string GeneratedPage { get; }

        public void Dispose()
        {
            Json.Dispose();
            _temporary.Dispose();
        }
    }
}
