using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Tests;

public sealed class ModelCompilationTests
{
    [Fact]
    public void DiagnosticsOfAllFilesComeInOneDeterministicOrder()
    {
        SourceText[] sources =
        [
            SourceText.From("host b {\n  memory = 4GX\n}\n", "b.vdl"),
            SourceText.From("host a {\n  cores 16\n  x = 1_\n}\n", "a.vdl"),
        ];
        var first = ModelCompilation.Create(sources).Diagnostics.Select(d => d.ToString()).ToList();
        var second = ModelCompilation.Create(sources.Reverse()).Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Equal(
            [
                "a.vdl(2,3): error VDL1010: `cores` is not an attribute of `host`",
                "a.vdl(2,9): error VDL0001: unexpected `16`; expected `=` after `cores`",
                "a.vdl(3,3): error VDL1010: `x` is not an attribute of `host`",
                "a.vdl(3,8): error VDL0010: `1_` is not a number: an underscore must stand between two digits",
                "b.vdl(2,13): error VDL0011: `GX` is not a unit (did you mean `GB`?); the units are B, KB, MB, GB, TB, KiB, MiB, GiB, TiB, MHz, GHz, Mbps, Gbps, MB/s, GB/s, W, kW, ms, s, m, h, d, %",
            ],
            first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void EveryExampleIsClean()
    {
        // Each example is a model of its own (they share names such as `rhel8`, as separate models may). Clean means
        // no error and no warning; advice (info, such as the idle hosts of one application per server) is the story.
        var examples = Directory.GetFiles(RepositoryPaths.Examples, "*.vdl");
        Assert.True(examples.Length >= 6);
        foreach (var example in examples)
        {
            Assert.Empty(ModelCompilation.FromFiles([example]).Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Select(d => d.ToString()));
        }
    }

    [Fact]
    public void AMissingFileOrADirectoryIsAnIoErrorNotADiagnostic()
    {
        var missing = Assert.Throws<ModelFileException>(() => ModelCompilation.FromFiles(["/no/such/file.vdl"]));
        Assert.Equal("no such file", missing.Reason);
        var directory = Assert.Throws<ModelFileException>(() => ModelCompilation.FromFiles([Path.GetTempPath()]));
        Assert.Contains("directory", directory.Reason, StringComparison.Ordinal);
    }
}
