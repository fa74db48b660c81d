using System.Text;
using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>The real `vdl` command, as a user runs it: output, exit codes, files on disk.</summary>
public sealed class CliEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-cli-");

    private string WorkingDirectory => _temporary.Path;

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void CheckWithNoFileChecksTheBuiltInExample()
    {
        var result = VdlProcess.Run(WorkingDirectory, "check");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("built-in example `datacenter`", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 file checked: 0 errors, 0 warnings", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ACleanFileExitsZero()
    {
        Write("ok.vdl", "os rhel8 {\n  family  = linux\n  version = \"8.6\"\n}\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "ok.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void ErrorsAreShownWithTheSourceLineAndACaretUnderTheSpan()
    {
        Write("broken.vdl", "host esx-01 {\n\tmemory = 384GX\n}\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "broken.vdl");
        Assert.Equal(1, result.ExitCode);
        var expected =
            "error[VDL0011]: `GX` is not a unit (did you mean `GB`?); the units are B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, MHz, GHz, Mbps, Gbps, MB/s, GB/s, W, kW, ms, s, m, h, d, %\n" +
            " --> broken.vdl:2:14\n" +
            "  |\n" +
            "2 |     memory = 384GX\n" +
            "  |                 ^^\n" +
            "  = help: run `vdl explain VDL0011` or see https://github.com/virtlang/virtlang/blob/main/docs/diagnostics/VDL0011.md\n" +
            "\n" +
            "1 file checked: 1 error, 0 warnings, 0 infos\n";
        Assert.Equal(expected, result.Output);
        Assert.DoesNotContain('\u001b', result.Output); // redirected: no colour
    }

    [Fact]
    public void RelatedLocationsAreShownAsNotes()
    {
        Write("open.vdl", "host h {\n  vm v {\n    os = r\n}\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "open.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("= note: `host h` opens here, open.vdl:1:8", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckFollowsImportsAndCountsEveryFileOfTheModel()
    {
        Directory.CreateDirectory(Path.Combine(WorkingDirectory, "catalog"));
        Write("catalog/os.vdl", "os rhel8 {\n  family  = linux\n  version = \"8.6\"\n}\n");
        Write("dc.vdl", "import \"catalog/os.vdl\"\nimport \"catalog/missing.vdl\"\nhost rhel8 {}\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "dc.vdl", "--format", "msbuild");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "catalog/os.vdl(1,4): error VDL1002: `rhel8` is declared 2 times in this model; a name is declared once, whatever its kind",
                "catalog/os.vdl(1,4): info VDL5004: os `rhel8` is declared but nothing uses it",
                $"dc.vdl(2,8): error VDL1020: cannot import `catalog/missing.vdl`: no such file ({Path.Combine(WorkingDirectory, "catalog", "missing.vdl")})",
                "dc.vdl(3,6): error VDL1002: `rhel8` is declared 2 times in this model; a name is declared once, whatever its kind",
            ],
            result.Output.TrimEnd('\n').Split('\n'));
        Assert.Contains("2 files checked: 3 errors", VdlProcess.Run(WorkingDirectory, "check", "dc.vdl").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigurationThatMakesErrorsWarningsMakesTheExitCodeZero()
    {
        Write("m.vdl", "hardware h {\n  memroy = 1GiB\n}\n");
        Assert.Equal(1, VdlProcess.Run(WorkingDirectory, "check", "m.vdl").ExitCode);
        Write("vdlconfig.json", "{ \"severity\": { \"VDL1010\": \"warning\" } }");
        var result = VdlProcess.Run(WorkingDirectory, "check", "m.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning[VDL1010]", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 file checked: 0 errors, 1 warning", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MSBuildFormatIsOneCanonicalLinePerDiagnostic()
    {
        Write("broken.vdl", "hardware h {\n  memory 16GiB\n  power {\n    idle = 4GX\n  }\n}\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "broken.vdl", "--format", "msbuild");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("broken.vdl(2,10): error VDL0001: unexpected `16GiB`; expected `=` after `memory`", lines[0]);
        Assert.StartsWith("broken.vdl(4,13): error VDL0011: `GX` is not a unit", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormatIsOneObjectPerDiagnostic()
    {
        Write("broken.vdl", "host h {\n  cpu {\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "broken.vdl", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Output.TrimEnd('\n').Split('\n'));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("broken.vdl", root.GetProperty("path").GetString());
        Assert.Equal("VDL0007", root.GetProperty("code").GetString());
        Assert.Equal("error", root.GetProperty("severity").GetString());
        Assert.Equal(2, root.GetProperty("line").GetInt32());
        Assert.Equal(8, root.GetProperty("column").GetInt32());
        var related = Assert.Single(root.GetProperty("related").EnumerateArray());
        Assert.Equal(2, related.GetProperty("line").GetInt32());
        Assert.Equal(7, related.GetProperty("column").GetInt32());
    }

    [Fact]
    public void SarifFormatIsOneRunWithRulesResultsAndFixes()
    {
        Write("typo.vdl", "hardware h {\n  memroy = 1GiB\n  cpu {\n    cores = 0\n  }\n}\nhost x : h {}\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "typo.vdl", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal("vdl", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["VDL1010", "VDL1015"], results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));

        var typo = results[0];
        Assert.Equal("error", typo.GetProperty("level").GetString());
        var region = typo.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((2, 3, 2, 9), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal("typo.vdl", typo.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = typo.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal("memory", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        Assert.False(results[1].TryGetProperty("fixes", out _));

        // The same model gives the same bytes.
        Assert.Equal(result.Output, VdlProcess.Run(WorkingDirectory, "check", "typo.vdl", "--format", "sarif").Output);
    }

    [Fact]
    public void AMissingFileOrADirectoryIsOneLineAndExitTwo()
    {
        var missing = VdlProcess.Run(WorkingDirectory, "check", "nope.vdl");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("vdl: error: nope.vdl: no such file\n", missing.Error);

        Directory.CreateDirectory(Path.Combine(WorkingDirectory, "models"));
        var directory = VdlProcess.Run(WorkingDirectory, "check", "models");
        Assert.Equal(2, directory.ExitCode);
        Assert.Equal("vdl: error: models: is a directory; name the .vdl files to check\n", directory.Error);
    }

    [Fact]
    public void BadUsageExitsTwo()
    {
        var result = VdlProcess.Run(WorkingDirectory, "check", "--format", "xml", "x.vdl");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run `vdl --help`", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, VdlProcess.Run(WorkingDirectory, "frobnicate").ExitCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("18446744073709551616")]
    public void ASeedThatIsNotAWholeNumberIsRefusedInWords(string seed)
    {
        var result = VdlProcess.Run(WorkingDirectory, "run", "--seed", seed);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--seed takes a whole number from 0 to 18446744073709551615, not `{seed}`", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileFilesGiveDiagnosticsAndExitOneNeverAStackTrace()
    {
        var random = new Random(7);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(WorkingDirectory, "random.vdl"), bytes);
        File.WriteAllBytes(Path.Combine(WorkingDirectory, "binary.vdl"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]);
        Write("nested.vdl", "host h { " + string.Concat(Enumerable.Repeat("b { ", 10_000)) + new string('}', 10_001));
        Write("unterminated.vdl", "host a {\n  vm b {\n    drivers = [\"x\", f(1, \n    zone = \"open\n/* comment");
        // Long, but within the 16 MiB a model file may have (past it, the file is refused unread: ImportBoundsEndToEndTests).
        Write("long.vdl", "host h { x = " + new string('@', 15_000_000) + " }");

        foreach (var file in new[] { "random.vdl", "binary.vdl", "nested.vdl", "unterminated.vdl", "long.vdl" })
        {
            var result = VdlProcess.Run(WorkingDirectory, "check", file);
            Assert.True(result.ExitCode == 1, $"{file}: exit {result.ExitCode}\n{result.Error}");
            Assert.Contains("error[VDL0", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
            Assert.True(result.Output.Length < 200_000, $"{file}: {result.Output.Length} characters of output");
        }
    }

    [Fact]
    public void ControlCharactersInAModelNeverReachTheTerminal()
    {
        Write("evil.vdl", "os r {\n  version = \"\u001b[2J8.x\"\n}\n");
        var result = VdlProcess.Run(WorkingDirectory, "check", "evil.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Output);
        Assert.Contains("\uFFFD[2J", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void FmtRewritesAtomicallyKeepingEncodingAndLineBreaks()
    {
        var path = Path.Combine(WorkingDirectory, "crlf.vdl");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("host h {\r\nmemory=4GiB // big\r\n  cores   = 2\r\n}\r\n")]);

        var check = VdlProcess.Run(WorkingDirectory, "fmt", "--check", "crlf.vdl");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("crlf.vdl\n", check.Output);

        var fmt = VdlProcess.Run(WorkingDirectory, "fmt", "crlf.vdl");
        Assert.Equal(0, fmt.ExitCode);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("host h {\r\n  memory = 4GiB // big\r\n  cores  = 2\r\n}\r\n", Encoding.UTF8.GetString(bytes[3..]));
        Assert.Single(Directory.GetFiles(WorkingDirectory)); // no temporary file left behind

        Assert.Equal(0, VdlProcess.Run(WorkingDirectory, "fmt", "--check", "crlf.vdl").ExitCode);
    }

    [Fact]
    public void FmtOfAFolderTakesTheVdlFilesBelowItButNotBuildOutputOrDotFolders()
    {
        const string messy = "host h {\nmemory=4GiB\n}\n";
        Directory.CreateDirectory(Path.Combine(WorkingDirectory, "infra", "site", "bin"));
        Directory.CreateDirectory(Path.Combine(WorkingDirectory, "infra", ".git"));
        Write("infra/tidy.vdl", "host h {\n  memory = 4GiB\n}\n");
        Write("infra/site/messy.vdl", messy);
        Write("infra/site/bin/copy.vdl", messy);
        Write("infra/.git/old.vdl", messy);

        var check = VdlProcess.Run(WorkingDirectory, "fmt", "--check", "infra");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("infra/site/messy.vdl\n", check.Output);

        Assert.Equal(0, VdlProcess.Run(WorkingDirectory, "fmt", "infra").ExitCode);
        Assert.Equal(0, VdlProcess.Run(WorkingDirectory, "fmt", "--check", "infra").ExitCode);
        Assert.Equal(messy, File.ReadAllText(Path.Combine(WorkingDirectory, "infra", "site", "bin", "copy.vdl")));
        Assert.Equal(messy, File.ReadAllText(Path.Combine(WorkingDirectory, "infra", ".git", "old.vdl")));

        Directory.CreateDirectory(Path.Combine(WorkingDirectory, "empty"));
        var empty = VdlProcess.Run(WorkingDirectory, "fmt", "--check", "empty");
        Assert.Equal(0, empty.ExitCode);
        Assert.Equal(string.Empty, empty.Output);
        Assert.Equal("vdl fmt: no .vdl files under empty\n", empty.Error);
    }

    [Fact]
    public void FmtLeavesAFileWithSyntaxErrorsUntouched()
    {
        const string text = "host h {\n  memory =\n  vm v {\n";
        Write("broken.vdl", text);
        var result = VdlProcess.Run(WorkingDirectory, "fmt", "broken.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not formatted: it has syntax errors", result.Error, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(Path.Combine(WorkingDirectory, "broken.vdl")));
    }

    [Fact]
    public void ExplainPrintsThePageOfACode()
    {
        var result = VdlProcess.Run(WorkingDirectory, "explain", "vdl0011");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# VDL0011: Unknown unit\n", result.Output, StringComparison.Ordinal);

        var unknown = VdlProcess.Run(WorkingDirectory, "explain", "VDL0911");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("vdl: error: unknown diagnostic code 'VDL0911'; did you mean VDL0011?\n", unknown.Error);
    }

    private void Write(string name, string text) => _temporary.Write(name, text);
}
