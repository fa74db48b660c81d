using System.Collections;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace VirtLang.MSBuildTasks.Tests;

/// <summary>The task logs real MSBuild events (code, range, help link); the end-to-end `dotnet build` comes with the package.</summary>
public sealed class ValidateVdlTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-task-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void ErrorsAreLoggedWithCodeFullRangeAndHelpLink()
    {
        var file = Write("broken.vdl", "host h {\n  memory = 4GX\n}\n");
        var (task, engine) = Create(file);
        Assert.False(task.Execute());
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
        var file = Write("brace.vdl", "host h {\n  memory = 1GiB\n");
        var (task, engine) = Create(file);
        Assert.False(task.Execute());
        Assert.Equal("expected `}` to close `host h` opened at line 1", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void ACleanModelSucceedsQuietly()
    {
        var (task, engine) = Create(Write("ok.vdl", "os r {\n  family  = linux\n  version = \"8.6\"\n}\n"));
        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void AMissingFileIsVdl0042()
    {
        var (task, engine) = Create(Path.Combine(_temporary.Path, "missing.vdl"));
        Assert.False(task.Execute());
        Assert.Equal("VDL0042", Assert.Single(engine.Errors).Code);
    }

    private string Write(string name, string text) => _temporary.Write(name, text);

    private static (ValidateVdl Task, RecordingBuildEngine Engine) Create(params string[] files)
    {
        var engine = new RecordingBuildEngine();
        var task = new ValidateVdl { BuildEngine = engine, Files = [.. files.Select(f => (ITaskItem)new TaskItem(f))] };
        return (task, engine);
    }

    private sealed class RecordingBuildEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];

        public List<BuildWarningEventArgs> Warnings { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.proj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => true;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    }
}
