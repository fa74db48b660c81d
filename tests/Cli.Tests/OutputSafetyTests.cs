using System.Text;
using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>One folder for the class, with one model in it, so the model is compiled once (the cache is per folder).</summary>
public sealed class ModelFolder : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-outputs-");

    public ModelFolder()
    {
        var created = VdlProcess.Run(Path, "new", "m.vdl");
        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, VdlProcess.Run(Path, "run", "m.vdl").ExitCode); // fills the cache
    }

    public string Path => _temporary.Path;

    public void Dispose() => _temporary.Dispose();
}

/// <summary>
/// The adversarial cases of issue 16 for what vdl writes: an output is never one of the model's files, a link or a
/// special file at an output path is written through or to and never replaced, and <c>fmt</c> never loses a byte, an
/// encoding or a link. Linux only (mkfifo, ln, stat).
/// </summary>
public sealed class OutputSafetyTests(ModelFolder folder) : IClassFixture<ModelFolder>
{
    private string Root => folder.Path;

    [Theory]
    [InlineData("--report", "m.vdl")]
    [InlineData("--json", "m.vdl")]
    [InlineData("--json", "./sub/../m.vdl")]
    public void AnOutputThatIsTheModelIsRefusedAndNothingIsWritten(string option, string output)
    {
        Directory.CreateDirectory(Path.Combine(Root, "sub"));
        var before = File.ReadAllBytes(Path.Combine(Root, "m.vdl"));
        var result = VdlProcess.Run(Root, "run", "m.vdl", option, output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} {output} would overwrite m.vdl, a file of the model", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Root, "m.vdl")));
    }

    [Fact]
    public void AnOutputThatIsTheModelThroughASymbolicOrAHardLinkOrAnImportIsRefused()
    {
        var dir = Fresh("links");
        File.Copy(Path.Combine(Root, "m.vdl"), Path.Combine(dir, "catalog.vdl"));
        File.WriteAllText(Path.Combine(dir, "main.vdl"), "import \"catalog.vdl\"\n");
        Shell("ln", "-s", "catalog.vdl", Path.Combine(dir, "soft.json"));
        Shell("ln", Path.Combine(dir, "catalog.vdl"), Path.Combine(dir, "hard.json"));
        var before = File.ReadAllBytes(Path.Combine(dir, "catalog.vdl"));

        foreach (var output in new[] { "links/catalog.vdl", "links/soft.json", "links/hard.json" })
        {
            var result = VdlProcess.Run(Root, "run", "links/main.vdl", "--json", output);
            Assert.True(result.ExitCode == 2, $"{output}: {result}");
            Assert.Contains("a file of the model", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir, "catalog.vdl")));
        Assert.Equal("symbolic link", Stat("%F", Path.Combine(dir, "soft.json")));
    }

    [Fact]
    public void ASymbolicLinkAtTheOutputIsWrittenThroughAndStaysALink()
    {
        var dir = Fresh("symlink");
        File.WriteAllText(Path.Combine(dir, "target.json"), "old");
        Shell("ln", "-s", "target.json", Path.Combine(dir, "out.json"));

        var result = VdlProcess.Run(Root, "run", "m.vdl", "--json", "symlink/out.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("symbolic link", Stat("%F", Path.Combine(dir, "out.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "target.json")));
        Assert.Equal("virtlang.simulation/1", json.RootElement.GetProperty("schema").GetString());
    }

    [Fact]
    public void ALoopOfSymbolicLinksAtTheOutputIsRefusedAndStaysALink()
    {
        var dir = Fresh("loop");
        Shell("ln", "-s", "b.json", Path.Combine(dir, "a.json"));
        Shell("ln", "-s", "a.json", Path.Combine(dir, "b.json"));

        var result = VdlProcess.Run(Root, "run", "m.vdl", "--json", "loop/a.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("loop/a.json: is a loop of symbolic links", result.Error, StringComparison.Ordinal);
        Assert.Equal("symbolic link", Stat("%F", Path.Combine(dir, "a.json")));
    }

    [Fact]
    public void AHardLinkedOutputIsRewrittenInPlaceAndKeepsItsLinks()
    {
        var dir = Fresh("hardlink");
        File.WriteAllText(Path.Combine(dir, "a.html"), "old");
        Shell("ln", Path.Combine(dir, "a.html"), Path.Combine(dir, "b.html"));

        Assert.Equal(0, VdlProcess.Run(Root, "run", "m.vdl", "--report", "hardlink/a.html").ExitCode);
        Assert.Equal(Stat("%i", Path.Combine(dir, "a.html")), Stat("%i", Path.Combine(dir, "b.html")));
        Assert.Equal("2", Stat("%h", Path.Combine(dir, "a.html")));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(dir, "b.html")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AFifoAtTheOutputIsWrittenToAndStaysAFifo()
    {
        var dir = Fresh("fifo");
        var fifo = Path.Combine(dir, "results.json");
        Shell("mkfifo", fifo);
        string? received = null;
        var reader = new Thread(() =>
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Read);
            using var text = new StreamReader(stream);
            received = text.ReadToEnd();
        })
        { IsBackground = true }; // a vdl that never opens the FIFO must not keep the test host alive

        reader.Start();

        var result = VdlProcess.Run(Root, "run", "m.vdl", "--json", "fifo/results.json");
        Assert.Equal(0, result.ExitCode);
        Assert.True(reader.Join(TimeSpan.FromMinutes(1)), "the FIFO's reader got no end of file");
        using var json = JsonDocument.Parse(received!);
        Assert.Equal("virtlang.simulation/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal("fifo", Stat("%F", fifo));
    }

    [Fact]
    public void ACharacterDeviceAtTheOutputIsWrittenToAndStaysADevice()
    {
        // As root, a null device of the test's own (replacing the system's /dev/null would be the bug under test);
        // otherwise the system's, which only root could replace.
        var device = "/dev/null";
        if (Shell("id", "-u").Trim() == "0")
        {
            device = Path.Combine(Fresh("device"), "null");
            Shell("mknod", device, "c", "1", "3");
        }

        var result = VdlProcess.Run(Root, "run", "m.vdl", "--json", device, "--report", device);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("character special file", Stat("%F", device));
    }

    [Fact]
    public void AnOutputThatCannotBeWrittenIsNamedWithoutTheTemporaryFile()
    {
        // /proc takes no new file: the temporary file beside the output cannot be made.
        var result = VdlProcess.Run(Root, "run", "m.vdl", "--json", "/proc/version");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("vdl: error: cannot write the results: /proc/version", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FmtRefusesAFileThatIsNotValidUtf8AndLeavesItsBytes()
    {
        var dir = Fresh("latin1");
        byte[] latin1 = [.. "host h {\n// caf"u8, 0xE9, .. "\nmemory=4GiB\n}\n"u8];
        File.WriteAllBytes(Path.Combine(dir, "m.vdl"), latin1);

        var result = VdlProcess.Run(Root, "fmt", "latin1/m.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("latin1/m.vdl: not formatted: it is not valid UTF-8 (VDL0041", result.Error, StringComparison.Ordinal);
        Assert.Equal(latin1, File.ReadAllBytes(Path.Combine(dir, "m.vdl")));
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void FmtKeepsAUtf16FileInUtf16(string name)
    {
        var encoding = name == "utf-16LE" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var dir = Fresh(name);
        var path = Path.Combine(dir, "m.vdl");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes("host h {\nmemory=4GiB\n}\n")]);

        Assert.Equal(0, VdlProcess.Run(Root, "fmt", $"{name}/m.vdl").ExitCode);
        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes("host h {\n  memory = 4GiB\n}\n")], File.ReadAllBytes(path));
    }

    [Fact]
    public void FmtFormatsTheTargetOfALinkAndKeepsTheLinkAndHardLinks()
    {
        var dir = Fresh("fmt-links");
        var target = Path.Combine(dir, "real.vdl");
        File.WriteAllText(target, "host h {\nmemory=4GiB\n}\n");
        Shell("ln", "-s", "real.vdl", Path.Combine(dir, "soft.vdl"));
        Shell("ln", target, Path.Combine(dir, "hard.vdl"));

        Assert.Equal(0, VdlProcess.Run(Root, "fmt", "fmt-links/soft.vdl").ExitCode);
        Assert.Equal("symbolic link", Stat("%F", Path.Combine(dir, "soft.vdl")));
        Assert.Equal("host h {\n  memory = 4GiB\n}\n", File.ReadAllText(target));
        Assert.Equal(Stat("%i", target), Stat("%i", Path.Combine(dir, "hard.vdl")));
    }

    [Fact]
    public void FmtNeverWritesAFileWhoseBytesWouldNotChange()
    {
        var dir = Fresh("unchanged");
        var path = Path.Combine(dir, "m.vdl");
        File.WriteAllText(path, "host h {\n  memory = 4GiB\n}\n");
        var old = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);
        var inode = Stat("%i", path);

        var result = VdlProcess.Run(Root, "fmt", "unchanged/m.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));
        Assert.Equal(inode, Stat("%i", path));
    }

    [Fact]
    public void AFolderWalkEndsDespiteSymbolicLinkLoopsAndNeverEntersSkippedFolders()
    {
        var dir = Fresh("walk");
        Directory.CreateDirectory(Path.Combine(dir, "infra", "node_modules"));
        File.WriteAllText(Path.Combine(dir, "infra", "messy.vdl"), "host h {\nmemory=4GiB\n}\n");
        Shell("ln", "-s", "..", Path.Combine(dir, "infra", "node_modules", "a"));
        Shell("ln", "-s", ".", Path.Combine(dir, "infra", "self"));
        Shell("ln", "-s", "..", Path.Combine(dir, "infra", "up"));

        var result = VdlProcess.Run(dir, "fmt", "--check", "infra");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("infra/messy.vdl\n", result.Output); // once: not again through self/ or up/infra/
    }

    private string Fresh(string name)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private string Stat(string format, string path) => Shell("stat", "-c", format, path).Trim();

    private string Shell(string program, params string[] args)
    {
        var result = ChildProcess.Run(program, Root, args);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', args)}: {result}");
        return result.Output;
    }
}
