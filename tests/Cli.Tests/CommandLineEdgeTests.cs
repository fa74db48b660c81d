using System.Text;
using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// The rough edges of issue 16 a user meets on day one: standard streams as <c>-</c>, empty paths, folders made by
/// <c>new</c>, file names with escape sequences, the summary's counts, <c>explain</c> by number, a broken
/// vdlconfig.json beside a clean model.
/// </summary>
public sealed class CommandLineEdgeTests : IDisposable
{
    private const string Messy = "host h {\nmemory=4GiB\n}\n";
    private const string TwoUnused = "os rhel8 {\n  family  = linux\n  version = \"8.6\"\n}\n" +
        "os rhel9 {\n  family  = linux\n  version = \"9.2\"\n}\n";

    private readonly TemporaryDirectory _temporary = new("vdl-edges-");

    private string WorkingDirectory => _temporary.Path;

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void JsonDashWritesTheResultsOnStandardOutputAndTheSummaryOnStandardError()
    {
        var result = VdlProcess.Run(WorkingDirectory, "run", "--json", "-");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("virtlang.simulation/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Contains("Fingerprint", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(WorkingDirectory, "-")));
    }

    [Fact]
    public void ReportDashWritesTheHtmlOnStandardOutputAndCsvDashIsAUsageError()
    {
        var report = VdlProcess.Run(WorkingDirectory, "run", "--report", "-");
        Assert.Equal(0, report.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", report.Output, StringComparison.Ordinal);

        var csv = VdlProcess.Run(WorkingDirectory, "run", "--csv", "-");
        Assert.Equal(2, csv.ExitCode);
        Assert.Contains("--csv writes a folder", csv.Error, StringComparison.Ordinal);

        var both = VdlProcess.Run(WorkingDirectory, "run", "--json", "-", "--report", "-");
        Assert.Equal(2, both.ExitCode);
        Assert.False(File.Exists(Path.Combine(WorkingDirectory, "-")));
    }

    [Fact]
    public void CheckDashReadsTheModelFromStandardInput()
    {
        var result = VdlProcess.RunWithInput(WorkingDirectory, Encoding.UTF8.GetBytes("host h {\n  memroy = 4GiB\n}\n"), "check", "-", "--format", "msbuild");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("<stdin>(2,3): error VDL1010: `memroy`", Encoding.UTF8.GetString(result.Output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("fmt")]
    public void StandardInputIsBoundedAsAModelFileIs(string verb)
    {
        // 16 MiB and one byte of a comment: refused unparsed, as a file of that size is (exit 2).
        var input = Encoding.UTF8.GetBytes("//" + new string('a', 16 * 1024 * 1024 - 1));
        var result = VdlProcess.RunWithInput(WorkingDirectory, input, verb, "-");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("<stdin>: it has more than the 16 MiB a model file may have", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void FmtOfAFifoRefusesItInsteadOfWaitingForAWriter()
    {
        var fifo = Path.Combine(WorkingDirectory, "pipe.vdl");
        if (!Fifo.TryCreate(fifo))
        {
            return; // no FIFOs on this system
        }

        var result = VdlProcess.Run(WorkingDirectory, "fmt", "pipe.vdl");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pipe.vdl: it is a FIFO (named pipe), not a file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FmtDashFormatsStandardInputToStandardOutput()
    {
        var result = VdlProcess.RunWithInput(WorkingDirectory, Encoding.UTF8.GetBytes(Messy), "fmt", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("host h {\n  memory = 4GiB\n}\n", Encoding.UTF8.GetString(result.Output));
        Assert.Empty(Directory.GetFiles(WorkingDirectory));

        var check = VdlProcess.RunWithInput(WorkingDirectory, Encoding.UTF8.GetBytes(Messy), "fmt", "--check", "-");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("<stdin>\n", Encoding.UTF8.GetString(check.Output));
    }

    [Theory]
    [InlineData("check", "")]
    [InlineData("fmt", "")]
    [InlineData("new", "")]
    [InlineData("run", "--json", "")]
    [InlineData("run", "--report", "")]
    [InlineData("build", "m.vdl", "-o", "")]
    public void AnEmptyPathIsAUsageError(params string[] args)
    {
        var result = VdlProcess.Run(WorkingDirectory, args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("vdl: error: an empty argument", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NewMakesTheFoldersOnTheWay()
    {
        var result = VdlProcess.Run(WorkingDirectory, "new", "a/b/c.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, VdlProcess.Run(WorkingDirectory, "check", "a/b/c.vdl").ExitCode);
    }

    [Fact]
    public void EscapeSequencesInFileNamesNeverReachTheTerminal()
    {
        const string name = "\u001b[31mred.vdl";
        _temporary.Write(name, "host h {\nmemroy=4GiB\n}\n"); // not formatted either

        foreach (var args in new[] { new[] { "check", name }, ["check", name, "--format", "msbuild"], ["fmt", "--check", "."], ["check", "\u001b[2Jmissing.vdl"], ["new", name] })
        {
            var result = VdlProcess.Run(WorkingDirectory, args);
            Assert.DoesNotContain('\u001b', result.Output + result.Error);
            Assert.Contains("\uFFFD[", result.Output + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheSummaryCountsInfosAndSaysEachCountInTheRightNumber()
    {
        _temporary.Write("info.vdl", TwoUnused);
        var result = VdlProcess.Run(WorkingDirectory, "check", "info.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("info[VDL5004]", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 file checked: 0 errors, 0 warnings, 2 infos\n", result.Output, StringComparison.Ordinal);

        _temporary.Write("one.vdl", "hardware h {\n  memroy = 1GiB\n}\n");
        Assert.EndsWith("1 file checked: 1 error, 0 warnings, 1 info\n", VdlProcess.Run(WorkingDirectory, "check", "one.vdl").Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4004", "# VDL4004: ")]
    [InlineData("41", "# VDL0041: ")]
    [InlineData("VDL9101", "# VDL9101: Two models would generate the same class\n")]
    [InlineData("vdl9101", "# VDL9101: ")]
    public void ExplainFindsACodeByItsNumberAndKnowsTheMSBuildCodes(string code, string start)
    {
        var result = VdlProcess.Run(WorkingDirectory, "explain", code);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(start, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenConfigurationIsReportedBesideACleanModel()
    {
        _temporary.Write("clean.vdl", "// vdl-disable-next-line VDL5004\nos rhel8 {\n  family  = linux\n  version = \"8.6\"\n}\n");
        Assert.Equal(0, VdlProcess.Run(WorkingDirectory, "check", "clean.vdl").ExitCode);
        _temporary.Write("vdlconfig.json", "{ \"sevrity\": {} }");

        var result = VdlProcess.Run(WorkingDirectory, "check", "clean.vdl", "--format", "msbuild");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("vdlconfig.json(1,3): error VDL0050: ", result.Output, StringComparison.Ordinal);
    }
}
