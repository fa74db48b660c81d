namespace VirtLang.Cli.Tests;

/// <summary>
/// `vdl check` on hostile imports, end to end (issue 16): links to the model's own folder, a device and an empty
/// path are diagnostics and the run ends; a hang fails by the child process's timeout.
/// </summary>
public sealed class ImportBoundsEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-import-bounds-e2e-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void CheckEndsOnLinksToItsOwnFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no /dev/zero, and links need privileges
        }

        // This used to grow past 21 GB in 35 s: every spelling through the links was a new file.
        File.CreateSymbolicLink(Path.Combine(_temporary.Path, "a"), ".");
        File.CreateSymbolicLink(Path.Combine(_temporary.Path, "b"), ".");
        _temporary.Write("os.vdl", "import \"a/os.vdl\"\nimport \"b/os.vdl\"\nos rhel {\n  family = linux\n}\n");
        _temporary.Write("m.vdl", "import \"a/os.vdl\"\nimport \"b/a/os.vdl\"\nimport \"/dev/zero\"\nimport \"\"\n");

        var result = VdlProcess.Run(_temporary.Path, "check", "m.vdl", "--format", "msbuild");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("m.vdl(3,8): error VDL1022: cannot import `/dev/zero`: it is a character device, not a file", result.Output, StringComparison.Ordinal);
        Assert.Contains("m.vdl(4,8): error VDL1023", result.Output, StringComparison.Ordinal);
        Assert.Contains("error VDL1021", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Output + result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CheckRefusesAFilePastTheSizeLimitUnread()
    {
        using (var stream = File.Create(Path.Combine(_temporary.Path, "huge.vdl")))
        {
            stream.SetLength(17 * 1024 * 1024); // sparse: nothing is written, and nothing must be read
        }

        var result = VdlProcess.Run(_temporary.Path, "check", "huge.vdl");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("vdl: error: huge.vdl: it has 17,825,792 bytes, more than the 16 MiB a model file may have\n", result.Error);
    }

    [Fact]
    public void CheckRefusesADeviceNamedOnTheCommandLine()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no /dev/zero
        }

        var result = VdlProcess.Run(_temporary.Path, "check", "/dev/zero");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("character device", result.Error, StringComparison.Ordinal);
    }
}
