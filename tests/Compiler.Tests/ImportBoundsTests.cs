using System.Text;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.Runtime.Files;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Hostile imports cost bounded work (issue 16): links that make one file many, chains longer than any stack,
/// imports of things that are not files, files and models past their size, and files with more diagnostics than
/// anyone reads. A hang fails by the timeout instead of hanging the suite.
/// </summary>
public sealed class ImportBoundsTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private readonly TemporaryDirectory _folder = new("vdl-import-bounds-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void LinksToTheFolderMakeNoFileTwice()
    {
        // Two links to `.` and imports through them: each spelling used to be a new file, and the model grew without end.
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "a"), ".");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "b"), ".");
        _folder.Write("hw.vdl", "hardware r740 {\n  memory = 1GiB\n}\n");
        _folder.Write("os.vdl", "import \"a/hw.vdl\"\nimport \"b/a/hw.vdl\"\nimport \"a/b/a/b/hw.vdl\"\nos rhel {\n  family = linux\n}\n");
        var root = _folder.Write("m.vdl", "import \"a/os.vdl\"\nimport \"b/os.vdl\"\nimport \"a/b/os.vdl\"\nimport \"os.vdl\"\n");

        var compilation = CompileWithin(() => ModelCompilation.FromFiles([root]));

        Assert.Equal(3, compilation.Files.Length);
        Assert.DoesNotContain(compilation.Diagnostics, IsAboutImports);
    }

    [Fact]
    public void AFileThatImportsItselfThroughALinkIsOneFileInACycle()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "a"), ".");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "b"), ".");
        var root = _folder.Write("m.vdl", "import \"a/m.vdl\"\nimport \"b/m.vdl\"\n");

        var compilation = CompileWithin(() => ModelCompilation.FromFiles([root]));

        Assert.Single(compilation.Files);
        Assert.Equal(2, compilation.Diagnostics.Count(d => d.Code == "VDL1021"));
    }

    [Fact]
    public void ALoopOfLinksIsAnImportNotFound()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "one"), "two");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "two"), "one");
        var root = _folder.Write("m.vdl", "import \"one/x.vdl\"\n");

        var diagnostic = Assert.Single(CompileWithin(() => ModelCompilation.FromFiles([root])).Diagnostics, IsAboutImports);

        Assert.Equal("VDL1020", diagnostic.Code);
        Assert.Equal(new LinePosition(1, 8), diagnostic.Location.Start);
    }

    [Fact]
    public void CanonicalPathsResolveEveryLink()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "real"));
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "link"), "real");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "real", "up"), "..");
        var expected = Path.Combine(CanonicalPath.Resolve(_folder.Path)!, "real", "x.vdl");

        Assert.Equal(expected, CanonicalPath.Resolve(Path.Combine(_folder.Path, "link", "up", "link", "x.vdl")));
        Assert.Equal(expected, CanonicalPath.Resolve(Path.Combine(_folder.Path, "real", "..", "link", "./x.vdl")));
    }

    [Fact]
    public void AChainOf20000FilesEndingInACycleIsReportedWithoutOverflowingTheStack()
    {
        const int Length = 20_000;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Length; i++)
        {
            files[$"f{i}.vdl"] = $"import \"f{(i + 1) % Length}.vdl\"\n";
        }

        var provider = new InMemorySourceProvider(files);
        provider.TryRead("f0.vdl", out var root, out _);

        var compilation = CompileWithin(() => ModelCompilation.Create([root!], provider));

        Assert.Equal(Length, compilation.Files.Length);
        var cycle = Assert.Single(compilation.Diagnostics, d => d.Code == "VDL1021");
        Assert.Equal("f19999.vdl", cycle.Location.Path);
        Assert.Contains($"… ({Length - 10} more files)", cycle.Message, StringComparison.Ordinal);
        Assert.True(cycle.Message.Length < 1000, cycle.Message);
        Assert.Equal(10, cycle.RelatedLocations.Length);
    }

    [Fact]
    public void AChainOf20000FilesWithoutACycleIsClean()
    {
        const int Length = 20_000;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Length; i++)
        {
            files[$"f{i}.vdl"] = i + 1 < Length ? $"import \"f{i + 1}.vdl\"\n" : "os rhel {\n  family = linux\n}\n";
        }

        var provider = new InMemorySourceProvider(files);
        provider.TryRead("f0.vdl", out var root, out _);

        var compilation = CompileWithin(() => ModelCompilation.Create([root!], provider));

        Assert.Equal(Length, compilation.Files.Length);
        Assert.DoesNotContain(compilation.Diagnostics, IsAboutImports);
    }

    [Fact]
    public void AFifoIsRefusedWithoutBeingOpened()
    {
        if (!Fifo.TryCreate(Path.Combine(_folder.Path, "pipe.vdl")))
        {
            return; // no FIFOs here (Windows)
        }

        var root = _folder.Write("m.vdl", "import \"pipe.vdl\"\n");

        // Opening it would wait for a writer that never comes: the timeout fails the test instead of hanging it.
        var diagnostic = Assert.Single(CompileWithin(() => ModelCompilation.FromFiles([root])).Diagnostics, IsAboutImports);

        Assert.Equal("VDL1022", diagnostic.Code);
        Assert.Equal("cannot import `pipe.vdl`: it is a FIFO (named pipe), not a file", diagnostic.Message);
        Assert.Equal(new LinePosition(1, 8), diagnostic.Location.Start);
    }

    [Fact]
    public void AFifoNamedOnTheCommandLineIsAFileError()
    {
        var pipe = Path.Combine(_folder.Path, "pipe.vdl");
        if (!Fifo.TryCreate(pipe))
        {
            return; // no FIFOs here (Windows)
        }


        var error = Assert.Throws<ModelFileException>(() => CompileWithin(() => ModelCompilation.FromFiles([pipe])));

        Assert.Equal("it is a FIFO (named pipe), not a file", error.Reason);
    }

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/dev/null", "a character device")]
    [InlineData("/dev/stdin", null)]
    public void DevicesAndStandardInputAreRefused(string device, string? kind)
    {
        if (FileStatus.Of(device).Kind is FileKind.Missing or FileKind.Regular)
        {
            return; // no such device here (Windows), or standard input redirected from a file
        }

        var root = _folder.Write("m.vdl", $"import \"{device}\"\n");

        var diagnostic = Assert.Single(CompileWithin(() => ModelCompilation.FromFiles([root])).Diagnostics, IsAboutImports);

        Assert.Equal("VDL1022", diagnostic.Code);
        Assert.Contains(kind ?? "not a file", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import \"\"\n")]
    [InlineData("import \"   \"\n")]
    public void AnEmptyImportPathIsADiagnostic(string text)
    {
        // A root with no folder: an empty path used to reach Path.GetFullPath("") and fail as an internal error.
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text });
        provider.TryRead("m.vdl", out var root, out _);

        var diagnostic = Assert.Single(ModelCompilation.Create([root!], provider).Diagnostics, IsAboutImports);

        Assert.Equal("VDL1023", diagnostic.Code);
        Assert.Equal(new LinePosition(1, 8), diagnostic.Location.Start);
    }

    [Fact]
    public void AnEmptyImportPathOnDiskIsADiagnostic()
    {
        var root = _folder.Write("m.vdl", "import \"\"\n");

        Assert.Equal("VDL1023", Assert.Single(ModelCompilation.FromFiles([root]).Diagnostics, IsAboutImports).Code);
    }

    [Fact]
    public void AFilePastTheSizeLimitIsRefusedBeforeItIsRead()
    {
        var big = Path.Combine(_folder.Path, "big.vdl");
        using (var stream = File.Create(big))
        {
            stream.SetLength(SourceLimits.MaxFileBytes + 1); // sparse: no disk, and a read of it would take 16 MiB
        }

        var root = _folder.Write("m.vdl", "import \"big.vdl\"\n");
        var diagnostic = Assert.Single(ModelCompilation.FromFiles([root]).Diagnostics, IsAboutImports);

        Assert.Equal("VDL0036", diagnostic.Code);
        Assert.Contains("16,777,217 bytes, more than the 16 MiB", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(1, 8), diagnostic.Location.Start);

        var named = Assert.Throws<ModelFileException>(() => ModelCompilation.FromFiles([big]));
        Assert.Contains("16 MiB", named.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelPastItsTotalSizeStopsImporting()
    {
        // Five files of 15 Mi characters (one comment each): the fifth would take the model past 64 Mi.
        var comment = "//" + new string('x', 15 * 1024 * 1024) + "\n";
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["m.vdl"] = string.Concat(Enumerable.Range(1, 5).Select(i => $"import \"f{i}.vdl\"\n")),
        };
        for (var i = 1; i <= 5; i++)
        {
            files[$"f{i}.vdl"] = comment;
        }

        var provider = new InMemorySourceProvider(files);
        provider.TryRead("m.vdl", out var root, out _);
        var compilation = ModelCompilation.Create([root!], provider);

        var diagnostic = Assert.Single(compilation.Diagnostics, IsAboutImports);
        Assert.Equal("VDL0037", diagnostic.Code);
        Assert.Equal(new LinePosition(5, 8), diagnostic.Location.Start);
        Assert.Equal(5, compilation.Files.Length);
    }

    [Fact]
    public void AFileReportsAtMostTheCapWithASummaryThatKeepsItsSeverity()
    {
        var text = new StringBuilder("hardware h {\n  memory = 1GiB\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("  knob").Append(i).Append(" = 1\n");
        }

        text.Append("}\n");
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = text.ToString() });
        provider.TryRead("m.vdl", out var root, out _);

        var diagnostics = ModelCompilation.Create([root!], provider).Diagnostics;

        Assert.Equal(DiagnosticsPerFile.Max + 1, diagnostics.Length);
        var summary = Assert.Single(diagnostics, d => d.Code == "VDL0035");
        Assert.Equal(DiagnosticSeverity.Error, summary.Severity);
        Assert.Matches(@"^\d+ more diagnostics in this file are not shown \(\d+ errors(, \d+ (warning|info)s?)*\); the first 500 are, errors first$", summary.Message);
    }

    [Fact]
    public void TheCapKeepsErrorsBeforeWarningsAndInfos()
    {
        var source = SourceText.From(new string(' ', 2000), "m.vdl");
        var infos = Enumerable.Range(0, 600).Select(i => new Diagnostic(Language.Diagnostics.SyntaxDiagnostics.TooManyErrors, new Location(source, new TextSpan(i, 1)), [1], severity: DiagnosticSeverity.Info));
        var error = new Diagnostic(Language.Diagnostics.SyntaxDiagnostics.TooManyErrors, new Location(source, new TextSpan(1500, 1)), [1]);

        var capped = DiagnosticsPerFile.Cap([.. infos, error]).ToList();

        Assert.Equal(DiagnosticsPerFile.Max + 1, capped.Count);
        Assert.Contains(error, capped);
        var summary = Assert.Single(capped, d => d.Code == "VDL0035");
        Assert.Equal(DiagnosticSeverity.Info, summary.Severity);
        Assert.Equal("101 more diagnostics in this file are not shown (101 infos); the first 500 are, errors first", summary.Message);
        Assert.Equal(DiagnosticsPerFile.Max, DiagnosticsPerFile.Cap(infos.Take(DiagnosticsPerFile.Max)).Count());
    }

    private static readonly string[] ImportCodes = ["VDL1020", "VDL1021", "VDL1022", "VDL1023", "VDL0036", "VDL0037", "VDL0042"];

    private static bool IsAboutImports(Diagnostic diagnostic) => ImportCodes.Contains(diagnostic.Code, StringComparer.Ordinal);

    private static ModelCompilation CompileWithin(Func<ModelCompilation> compile) =>
        Task.Run(compile).WaitAsync(Generous).GetAwaiter().GetResult();
}
