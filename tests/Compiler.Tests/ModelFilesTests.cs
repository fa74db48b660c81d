using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Tests;

/// <summary>A model of many files: imports, cycles, and one namespace across files (VDL1002, VDL1020, VDL1021).</summary>
public sealed class ModelFilesTests
{
    private static ModelCompilation Compile(string root, params (string Path, string Text)[] files)
    {
        var provider = new InMemorySourceProvider(files.ToDictionary(f => f.Path, f => f.Text));
        provider.TryRead(root, out var text, out _);
        return ModelCompilation.Create([text!], provider);
    }

    /// <summary>The diagnostics about files, imports and names (VDL0, VDL1): the models here are fragments, and advice on them is beside the point.</summary>
    private static Diagnostic[] Files(ModelCompilation compilation) => [.. compilation.Diagnostics.Where(d => d.Code[3] is '0' or '1')];

    private static string[] Render(ModelCompilation compilation) => [.. Files(compilation).Select(d => d.ToString())];

    [Fact]
    public void ImportsAreResolvedRelativeToTheImportingFileAndLoadedOnce()
    {
        var compilation = Compile("infra/dc.vdl",
            ("infra/dc.vdl", "import \"catalog/os.vdl\"\nimport \"catalog/hw.vdl\"\nhost h : r740 {}\n"),
            ("infra/catalog/os.vdl", "import \"hw.vdl\"\nos rhel8 {\n  family = linux\n}\n"),
            ("infra/catalog/hw.vdl", "import \"../catalog/./os.vdl\"\nhardware r740 {\n  memory = 1GiB\n}\n"));
        Assert.Equal(["infra/catalog/hw.vdl", "infra/catalog/os.vdl", "infra/dc.vdl"], compilation.Files.Select(f => f.Path));
        // os.vdl and hw.vdl import each other: a cycle, reported once, with the whole cycle named.
        var cycle = Assert.Single(Files(compilation));
        Assert.Equal("VDL1021", cycle.Code);
        Assert.Equal("import cycle: infra/catalog/hw.vdl → infra/catalog/os.vdl → infra/catalog/hw.vdl", cycle.Message);
        Assert.Equal(2, cycle.RelatedLocations.Length);
    }

    [Fact]
    public void ADiamondIsNotACycle()
    {
        var compilation = Compile("a.vdl",
            ("a.vdl", "import \"b.vdl\"\nimport \"c.vdl\"\n"),
            ("b.vdl", "import \"d.vdl\"\n"),
            ("c.vdl", "import \"d.vdl\"\n"),
            ("d.vdl", "os shared {\n  family = bsd\n}\n"));
        Assert.Empty(Files(compilation));
        Assert.Equal(4, compilation.Files.Length);
    }

    [Fact]
    public void AFileImportingItselfIsACycle()
    {
        var compilation = Compile("a.vdl", ("a.vdl", "import \"a.vdl\"\n"));
        Assert.Equal(["a.vdl(1,8): error VDL1021: import cycle: a.vdl → a.vdl"], Render(compilation));
    }

    [Fact]
    public void AMissingImportIsReportedAtItsPath()
    {
        var compilation = Compile("a.vdl", ("a.vdl", "os r {\n  family = linux\n}\nimport \"nope.vdl\"\n"));
        Assert.Equal(["a.vdl(4,8): error VDL1020: cannot import `nope.vdl`: no such file"], Render(compilation));
    }

    [Fact]
    public void ImportingADirectoryOrAFileOutsideTheFolderIsSaidPlainly()
    {
        using var temporary = new TemporaryDirectory("vdl-imports-");
        Directory.CreateDirectory(Path.Combine(temporary.Path, "models"));
        Directory.CreateDirectory(Path.Combine(temporary.Path, "project"));
        temporary.Write("shared.vdl", "os shared {\n  family = bsd\n}\n");
        var root = temporary.Write("project/dc.vdl", "import \"../models\"\nimport \"../shared.vdl\"\nimport \"../missing.vdl\"\n");

        var compilation = ModelCompilation.FromFiles([root]);
        var messages = Files(compilation).Select(d => d.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("cannot import `../models`: it is a directory, not a file", messages[0]);
        Assert.Equal($"cannot import `../missing.vdl`: no such file ({Path.Combine(temporary.Path, "missing.vdl")})", messages[1]);
        Assert.Contains(compilation.Files, f => f.Path.EndsWith("shared.vdl", StringComparison.Ordinal)); // outside the folder: allowed
    }

    [Fact]
    public void ABinaryImportGetsItsOwnDiagnosticAndTheModelGoesOn()
    {
        var compilation = Compile("a.vdl", ("a.vdl", "import \"blob.vdl\"\nos r {\n  family = linux\n}\n"), ("blob.vdl", "PK\u0003\u0004\u0000\u0000"));
        Assert.Equal("VDL0040", Assert.Single(Files(compilation)).Code);
    }

    [Fact]
    public void ADuplicateNameAcrossFilesIsReportedAtBothPlaces()
    {
        var compilation = Compile("dc.vdl",
            ("dc.vdl", "import \"catalog.vdl\"\nhost rhel8 {}\n"),
            ("catalog.vdl", "os rhel8 {\n  family = linux\n}\n"));
        var duplicates = Files(compilation);
        Assert.Equal(2, duplicates.Length);
        Assert.All(duplicates, d => Assert.Equal("VDL1002", d.Code));
        Assert.Equal(["catalog.vdl(1,4)", "dc.vdl(2,6)"], duplicates.Select(d => d.Location.ToString()));
        Assert.Equal("`rhel8` is declared 2 times in this model; a name is declared once, whatever its kind", duplicates[0].Message);
        Assert.Equal("`rhel8` is also declared here, as host", Assert.Single(duplicates[0].RelatedLocations).Message);
        Assert.Equal("dc.vdl(2,6)", duplicates[0].RelatedLocations[0].Location.ToString());
    }

    [Fact]
    public void GuestsShareTheNamespace()
    {
        var compilation = Compile("dc.vdl", ("dc.vdl", "host a {\n  vm web {\n    vcpus = 1\n    memory = 1GiB\n  }\n}\nhost b {\n  container web {}\n}\napp web {}\n"));
        Assert.Equal(3, Files(compilation).Count(d => d.Code == "VDL1002"));
    }

    [Fact]
    public void PartsOfBlocksAreNotDeclarations()
    {
        // Near miss: two hardware entries may both have a `disk nvme0`, and a hypervisor has no name.
        var compilation = Compile("hw.vdl", ("hw.vdl", "hardware a {\n  memory = 1GiB\n  disk nvme0 {}\n}\nhardware b {\n  memory = 1GiB\n  disk nvme0 {}\n}\n"));
        Assert.Empty(Files(compilation));
    }

    [Fact]
    public void TheSameFileNamedTwiceIsOneFile()
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["a.vdl"] = "os r {\n  family = linux\n}\n" });
        provider.TryRead("a.vdl", out var first, out _);
        provider.TryRead("./a.vdl", out var second, out _);
        var compilation = ModelCompilation.Create([first!, second!], provider);
        Assert.Single(compilation.Files);
        Assert.Empty(Files(compilation));
    }

    [Fact]
    public void DiagnosticsComeInTheSameOrderWhateverTheOrderOfTheRoots()
    {
        var files = new Dictionary<string, string> { ["a.vdl"] = "os x {\n  family = linux\n}\nimport \"gone.vdl\"\n", ["b.vdl"] = "os x {\n  family = linux\n}\n" };
        var provider = new InMemorySourceProvider(files);
        SourceText Read(string path) => provider.TryRead(path, out var t, out _) ? t! : throw new InvalidOperationException();
        var one = Files(ModelCompilation.Create([Read("a.vdl"), Read("b.vdl")], provider)).Select(d => d.ToString());
        var two = Files(ModelCompilation.Create([Read("b.vdl"), Read("a.vdl")], provider)).Select(d => d.ToString());
        Assert.Equal(one, two);
        Assert.Equal(3, one.Count());
    }
}
