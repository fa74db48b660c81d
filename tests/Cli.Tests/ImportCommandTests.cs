namespace VirtLang.Cli.Tests;

/// <summary>`vdl import` end to end, through the real vdl, on the team's sample files of tests/Import.Tests/Data.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-import-");

    public void Dispose() => _temporary.Dispose();

    private static string Data(params string[] parts) => Path.Combine([RepositoryPaths.Root, "tests", "Import.Tests", "Data", .. parts]);

    private string Root => _temporary.Path;

    /// <summary>A folder of domain XML, as `virsh dumpxml` of each domain into a file makes it.</summary>
    private string Domains(params string[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "domains")).FullName;
        foreach (var file in files)
        {
            File.Copy(Data("libvirt", file), Path.Combine(folder, file));
        }

        return folder;
    }

    [Fact]
    public void AFolderOfDomainsBecomesOneFormattedModelThatChecksToItsPlaceholders()
    {
        Domains("kvm-full.xml", "bytes.xml", "lxc.xml");
        var import = VdlProcess.Run(Root, "import", "libvirt", "domains", "-o", "estate.vdl");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal("Wrote estate.vdl: 3 guests on 2 hosts, 0 applications, 0 clusters. Next: `vdl check estate.vdl` and fix what its header lists.\n", import.Output);
        Assert.Equal(0, VdlProcess.Run(Root, "fmt", "--check", "estate.vdl").ExitCode);
        var check = VdlProcess.Run(Root, "check", "estate.vdl");
        Assert.Equal(1, check.ExitCode);
        var codes = System.Text.RegularExpressions.Regex.Matches(check.Output, @"error\[(VDL\d+)\]").Select(m => m.Groups[1].Value).Distinct().Order().ToList();
        Assert.Equal(["VDL2002", "VDL2003"], codes); // vCPUs on the placeholder's one core, as the header says
        Assert.Contains("VDL2002, VDL2003", File.ReadAllText(Path.Combine(Root, "estate.vdl")), StringComparison.Ordinal);
    }

    [Fact]
    public void ABadFileIsReportedWhereItIsAndTheOthersAreImported()
    {
        Domains("kvm-full.xml", "malformed.xml", "xxe.xml");
        var import = VdlProcess.Run(Root, "import", "libvirt", "domains", "-o", "estate.vdl");
        Assert.Equal(1, import.ExitCode);
        var lines = import.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^domains/malformed\.xml\(5,3\): error VDL6003: the file is not well-formed XML: ", lines[0]);
        Assert.Equal("domains/xxe.xml(2,1): error VDL6004: the file has a <!DOCTYPE>: DTDs and entities are refused in imported XML; export it again with `virsh dumpxml`", lines[1]);
        Assert.DoesNotContain("   at ", import.Error, StringComparison.Ordinal);
        Assert.Contains("vm web-01-prod {", File.ReadAllText(Path.Combine(Root, "estate.vdl")), StringComparison.Ordinal);
    }

    [Fact]
    public void DashWritesTheModelToStandardOutput()
    {
        var import = VdlProcess.Run(Root, "import", "compose", Data("compose", "shop.yaml"), "-o", "-");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("container web-container {", import.Output, StringComparison.Ordinal);
        Assert.Contains("warning VDL6012", import.Error, StringComparison.Ordinal);
        Assert.EndsWith("vdl import: 3 guests on 1 host, 3 applications, 0 clusters\n", import.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Root, "-")));
    }

    [Fact]
    public void AnInventoryWithItsOwnColumnsImportsAndChecksClean()
    {
        var import = VdlProcess.Run(Root, "import", "inventory", Data("inventory", "custom.csv"), "--columns", "VM=Name,CPUs=NumCpu,Memory=MemoryMB,Host=VMHost", "-o", "vms.vdl");
        Assert.True(import.ExitCode == 0, import.ToString());
        var check = VdlProcess.Run(Root, "check", "vms.vdl");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("vm beta {", File.ReadAllText(Path.Combine(Root, "vms.vdl")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inventory", "--columns", "Nope=X")]
    [InlineData("libvirt")]
    public void UsageErrorsExitTwo(string source, params string[] extra)
    {
        var input = source == "inventory" ? Data("inventory", "vinfo.csv") : Data("libvirt", "kvm-full.xml");
        var args = source == "libvirt" ? new[] { "import", source, input } : ["import", source, input, "-o", "x.vdl", .. extra];
        var result = VdlProcess.Run(Root, args);
        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(Root, "x.vdl")));
    }

    [Fact]
    public void TheOutputIsNeverAnInput()
    {
        var input = Path.Combine(Root, "web.xml");
        File.Copy(Data("libvirt", "kvm-full.xml"), input);
        var before = File.ReadAllBytes(input);
        var result = VdlProcess.Run(Root, "import", "libvirt", "web.xml", "-o", "./sub/../web.xml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never replaces what it reads", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void AnOutputLinkIsWrittenThroughAndStaysALink()
    {
        File.WriteAllText(Path.Combine(Root, "target.vdl"), "old");
        File.CreateSymbolicLink(Path.Combine(Root, "link.vdl"), "target.vdl");
        var result = VdlProcess.Run(Root, "import", "libvirt", Data("libvirt", "kvm-full.xml"), "-o", "link.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(new FileInfo(Path.Combine(Root, "link.vdl")).LinkTarget);
        Assert.Contains("vm web-01-prod {", File.ReadAllText(Path.Combine(Root, "target.vdl")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFilesGiveTheSameBytes()
    {
        Domains("kvm-full.xml", "qemu-tcg.xml", "xen-pv.xml");
        Assert.Equal(0, VdlProcess.Run(Root, "import", "libvirt", "domains", "-o", "a.vdl").ExitCode);
        Assert.Equal(0, VdlProcess.Run(Root, "import", "libvirt", "domains", "-o", "b.vdl").ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Root, "a.vdl")), File.ReadAllBytes(Path.Combine(Root, "b.vdl")));
    }

    [Fact]
    public void ExplainKnowsTheImportCodes()
    {
        var result = VdlProcess.Run(Root, "explain", "VDL6004");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# VDL6004: XML with a document type declaration", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoOrADeviceIsRefusedBeforeItIsOpened()
    {
        var fifo = Path.Combine(Root, "pipe.xml");
        Assert.True(Fifo.TryCreate(fifo));
        var result = VdlProcess.Run(Root, "import", "libvirt", "pipe.xml", "/dev/zero", Data("libvirt", "kvm-full.xml"), "-o", "estate.vdl");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "pipe.xml(1,1): error VDL6001: cannot read the file: it is a FIFO (named pipe), not a file\n" +
            "/dev/zero(1,1): error VDL6001: cannot read the file: it is a character device, not a file\n", result.Error);
        Assert.Contains("vm web-01-prod {", File.ReadAllText(Path.Combine(Root, "estate.vdl")), StringComparison.Ordinal);
    }
}
