using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace VirtLang.MSBuildTasks.Tests;

/// <summary>
/// The two tasks in process: CompileModels checks, generates and caches; VdlReportDiagnostics logs the cache as real
/// MSBuild events (code, range, help link) under the warning properties. `dotnet build` itself: PackageEndToEndTests.
/// </summary>
public sealed class TaskTests : IDisposable
{
    private const string Os = "os r {\n  family  = linux\n  version = \"8.6\"\n}\n";

    private readonly TemporaryDirectory _temporary = new("vdl-task-");

    public void Dispose() => _temporary.Dispose();

    private string Obj(string name) => Path.Combine(_temporary.Path, "obj", name);

    [Fact]
    public void ErrorsAreLoggedWithCodeFullRangeAndHelpLink()
    {
        var file = _temporary.Write("broken.vdl", "host h {\n  memory = 4GX\n}\n");
        var engine = CompileAndReport(file);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VDL0011", error.Code);
        Assert.Equal(file, error.File);
        Assert.Equal((2, 13, 2, 15), (error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber));
        Assert.Equal("https://github.com/virtlang/virtlang/blob/main/docs/diagnostics/VDL0011.md", error.HelpLink);
        Assert.StartsWith("`GX` is not a unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BracesInMessagesAreNotTakenForFormatItems()
    {
        var engine = CompileAndReport(_temporary.Write("brace.vdl", "host h {\n  memory = 1GiB\n"));
        Assert.Equal("expected `}` to close `host h` opened at line 1", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void ACleanModelIsGeneratedOnceAndItsFileKeptWhenNothingChanged()
    {
        var file = _temporary.Write("east-dc.vdl", Os);
        var generated = Obj("east-dc.g.cs");
        var engine = CompileAndReport(file, generated);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var code = File.ReadAllText(generated);
        Assert.Contains("namespace Consumer.Models;", code, StringComparison.Ordinal);
        Assert.Contains("public static class EastDcModel", code, StringComparison.Ordinal);

        // Unchanged code keeps its time stamp, so C# compilation stays up to date; the diagnostics file, the check's
        // time stamp, is always written.
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(generated, written);
        File.SetLastWriteTimeUtc(Obj("diagnostics.json"), written);
        CompileAndReport(file, generated);
        Assert.Equal(written, File.GetLastWriteTimeUtc(generated));
        Assert.NotEqual(written, File.GetLastWriteTimeUtc(Obj("diagnostics.json")));
    }

    [Fact]
    public void ABrokenModelLosesItsStaleGeneratedCode()
    {
        var file = _temporary.Write("dc.vdl", Os);
        var generated = Obj("dc.g.cs");
        CompileAndReport(file, generated);
        Assert.True(File.Exists(generated));
        File.WriteAllText(file, Os + "host h {\n  memory = 4GX\n}\n");
        Assert.Single(CompileAndReport(file, generated).Errors);
        Assert.False(File.Exists(generated));
    }

    [Fact]
    public void ACatalogThatAnotherModelImportsIsALibraryNotAModel()
    {
        // The default glob takes every .vdl: the shared catalog is checked as part of the model that imports it, and
        // generates no class of its own; its app with `replicas = 2` that this model does not deploy is no error.
        var catalog = _temporary.Write("catalog.vdl", Os + "app web {\n  replicas = 2\n}\napp batch {}\n");
        var model = _temporary.Write("east.vdl", "import \"catalog.vdl\"\nhost h {\n  os = r\n  runs = [batch]\n}\n");
        var engine = CompileAndReport([Model(catalog, Obj("catalog.g.cs")), Model(model, Obj("east.g.cs"))]);
        Assert.Empty(engine.Errors);
        Assert.DoesNotContain("class", File.ReadAllText(Obj("catalog.g.cs")), StringComparison.Ordinal);
        Assert.Contains("public static class EastModel", File.ReadAllText(Obj("east.g.cs")), StringComparison.Ordinal);

        // Alone, it is a model as before.
        Assert.Empty(CompileAndReport([Model(catalog, Obj("catalog.g.cs"))]).Errors);
        Assert.Contains("public static class CatalogModel", File.ReadAllText(Obj("catalog.g.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsVdl0042()
    {
        var engine = CompileAndReport(Path.Combine(_temporary.Path, "missing.vdl"));
        Assert.Equal("VDL0042", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void ImportsAndConfigurationsAreRecordedAsTheNextBuildsInputs()
    {
        var catalog = _temporary.Write("catalog.vdl", Os);
        var configuration = _temporary.Write("vdlconfig.json", "{ \"severity\": { \"VDL5004\": \"none\" } }");
        var model = _temporary.Write("site.vdl", "import \"catalog.vdl\"\n");
        CompileAndReport(model);
        Assert.Equal([catalog, configuration], File.ReadAllLines(Obj("dependencies.txt")));
    }

    [Fact]
    public void TwoModelsMayNotGenerateTheSameClass()
    {
        Directory.CreateDirectory(Path.Combine(_temporary.Path, "a"));
        Directory.CreateDirectory(Path.Combine(_temporary.Path, "b"));
        var engine = CompileAndReport(
            [Model(_temporary.Write("a/dc.vdl", Os), Obj("a/dc.g.cs")), Model(_temporary.Write("b/dc.vdl", Os), Obj("b/dc.g.cs"))]);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VDL9101", error.Code);
        Assert.Contains("would both generate `Consumer.Models.DcModel`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "", "", "", "warning")]
    [InlineData(true, "", "", "", "error")]
    [InlineData(true, "", "VDL5002", "", "warning")]
    [InlineData(false, "VDL5002", "", "", "error")]
    [InlineData(false, "", "", "VDL5002", "hidden")]
    [InlineData(true, "", "", "CS0168;vdl5002", "hidden")]
    public void WarningsFollowTheStandardProperties(bool treatAsErrors, string asErrors, string notAsErrors, string noWarn, string expected)
    {
        // consumers/lab.vdl: a hosted hypervisor without hardware assistance running I/O-heavy work (VDL5002 at 21:15).
        var consumers = Path.Combine(AppContext.BaseDirectory, "Consumers");
        File.Copy(Path.Combine(consumers, "lab-catalog.vdl"), Path.Combine(_temporary.Path, "catalog.vdl"));
        var file = Path.Combine(_temporary.Path, "lab.vdl");
        File.Copy(Path.Combine(consumers, "lab.vdl"), file);
        var engine = CompileAndReport([Model(file, null)], treatAsErrors, asErrors, notAsErrors, noWarn);
        var (warnings, errors) = (engine.Warnings.Where(w => w.Code == "VDL5002").ToList(), engine.Errors.Where(e => e.Code == "VDL5002").ToList());
        Assert.Equal(expected, errors.Count == 1 ? "error" : warnings.Count == 1 ? "warning" : warnings.Count + errors.Count == 0 ? "hidden" : "both?");
        if (expected != "hidden")
        {
            var at = errors.Count == 1 ? (errors[0].LineNumber, errors[0].ColumnNumber) : (warnings[0].LineNumber, warnings[0].ColumnNumber);
            Assert.Equal((21, 15), at);
        }
    }

    [Theory]
    [InlineData("datacenter.vdl", "DatacenterModel")]
    [InlineData("east-dc.vdl", "EastDcModel")]
    [InlineData("my_lab.v2.vdl", "MyLabV2Model")]
    [InlineData("2024-plan.vdl", "Vdl2024PlanModel")]
    [InlineData("---.vdl", "VdlModel")]
    public void TheClassNameComesFromTheFileName(string file, string expected) => Assert.Equal(expected, ModelClassName.FromFile(file));

    private static ITaskItem Model(string path, string? generated)
    {
        var item = new TaskItem(path);
        if (generated is not null)
        {
            item.SetMetadata("GeneratedFile", generated);
        }

        return item;
    }

    private RecordingBuildEngine CompileAndReport(string file, string? generated = null) => CompileAndReport([Model(file, generated)]);

    private RecordingBuildEngine CompileAndReport(ITaskItem[] models, bool treatAsErrors = false, string asErrors = "", string notAsErrors = "", string noWarn = "")
    {
        var compileEngine = new RecordingBuildEngine();
        var compile = new CompileModels
        {
            BuildEngine = compileEngine,
            Models = models,
            DiagnosticsFile = Obj("diagnostics.json"),
            DependenciesFile = Obj("dependencies.txt"),
            DefaultNamespace = "Consumer.Models",
        };
        Assert.True(compile.Execute());
        Assert.Empty(compileEngine.Errors); // the check caches what it finds; only the report logs it

        var engine = new RecordingBuildEngine();
        var report = new VdlReportDiagnostics
        {
            BuildEngine = engine,
            DiagnosticsFile = Obj("diagnostics.json"),
            TreatWarningsAsErrors = treatAsErrors,
            WarningsAsErrors = asErrors,
            WarningsNotAsErrors = notAsErrors,
            NoWarn = noWarn,
        };
        var succeeded = report.Execute();
        Assert.Equal(engine.Errors.Count == 0, succeeded);
        return engine;
    }
}
