using VirtLang.Import.Model;
using static VirtLang.Import.Tests.ImportFixture;

namespace VirtLang.Import.Tests;

public sealed class LibvirtDomainImporterTests
{
    [Theory]
    [InlineData("kvm-full.xml", "bare_metal", "hardware", "kvm")]
    [InlineData("qemu-tcg.xml", "bare_metal", "software", "qemu (TCG)")]
    [InlineData("xen-pv.xml", "paravirtual", null, "xen")]
    [InlineData("xen-hvm.xml", "bare_metal", "hardware", "xen")]
    [InlineData("lxc.xml", "os_level", null, "lxc")]
    public void TheDomainTypeBecomesTheHostsHypervisor(string file, string kind, string? acceleration, string product)
    {
        var (estate, problems) = ImportLibvirt(file);
        Assert.Empty(problems);
        var host = Assert.Single(estate.Hosts);
        Assert.Equal(kind, host.HypervisorKind);
        Assert.Equal(acceleration, host.Acceleration);
        Assert.Equal(product, host.Product);
        Assert.Single(host.Guests);
        Assert.Contains(estate.Assumptions, a => a.Contains($"host {host.Name} is a placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void LxcDomainsAreContainersOfAnOsLevelHostWithAnOs()
    {
        var (estate, _) = ImportLibvirt("lxc.xml");
        var host = Assert.Single(estate.Hosts);
        var guest = Assert.Single(host.Guests);
        Assert.Equal(GuestKind.Container, guest.Kind);
        Assert.Equal(512L * 1024 * 1024, guest.MemoryLimitBytes);
        Assert.NotNull(host.Os);
        Assert.Contains(guest.Comments, c => c.Contains("vCPUs: 1 current of 1 maximum", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kvm-full.xml", "web-01-prod", 2, 8L * 1024 * 1024 * 1024)]
    [InlineData("qemu-tcg.xml", "arm-builder", 2, 3072L * 1024 * 1024)]
    [InlineData("xen-pv.xml", "pv-guest-7", 1, 2L * 1024 * 1024 * 1024)]
    [InlineData("xen-hvm.xml", "win-hvm", 2, 4_000_000_000L)]
    [InlineData("bytes.xml", "odd-memory", 3, 1_000_000_000L)]
    public void VcpusAndMemoryRoundTripThroughTheWrittenModel(string file, string guest, int vcpus, long memoryBytes)
    {
        var (estate, problems) = ImportLibvirt(file);
        Assert.Empty(problems);
        var model = Write(estate);
        Assert.Equal(vcpus.ToString(System.Globalization.CultureInfo.InvariantCulture), GuestAttribute(model, guest, "vcpus"));
        Assert.Equal(memoryBytes, Quantity(GuestAttribute(model, guest, "memory")!));
    }

    [Fact]
    public void WhatHasNoVdlCounterpartIsACommentAtTheGuest()
    {
        var (estate, _) = ImportLibvirt("kvm-full.xml");
        var comments = Assert.Single(Assert.Single(estate.Hosts).Guests).Comments;
        Assert.Contains("libvirt domain \"web-01.prod\" (type kvm) from kvm-full.xml", comments);
        Assert.Contains("vCPUs: 2 current of 4 maximum, placement static", comments);
        Assert.Contains("memory: 8GiB, current (balloon) 4GiB", comments);
        Assert.Contains("os: type hvm, arch x86_64, machine pc-q35-8.2", comments);
        Assert.Contains("cpu: mode host-passthrough; topology 1 sockets x 2 cores x 2 threads, 1 dies; features require vmx", comments);
        Assert.Contains(comments, c => c.StartsWith("disk vda: disk, bus virtio (paravirtualized driver), format qcow2", StringComparison.Ordinal));
        Assert.Contains("interface network default: model virtio (paravirtualized driver)", comments);
        Assert.Contains("devices not modelled: emulator, graphics, serial, console", comments);
        Assert.Contains("not modelled: <features>, <clock>", comments);
    }

    [Fact]
    public void AnEmulatedDeviceIsNotCalledParavirtualized()
    {
        var (estate, _) = ImportLibvirt("qemu-tcg.xml");
        var comments = Assert.Single(Assert.Single(estate.Hosts).Guests).Comments;
        Assert.Contains("interface bridge br0: model e1000e", comments);
        Assert.DoesNotContain(comments, c => c.Contains("paravirtualized", StringComparison.Ordinal));
    }

    [Fact]
    public void TheLibosinfoIdBecomesAnOsOfTheCatalog()
    {
        var (estate, _) = ImportLibvirt("kvm-full.xml");
        var os = Assert.Single(estate.OperatingSystems);
        Assert.Equal(("rhel-8-6", "linux", "8.6"), (os.Name, os.Family, os.Version));
        Assert.Equal("rhel-8-6", Assert.Single(Assert.Single(estate.Hosts).Guests).Os);
    }

    [Fact]
    public void ManyFilesMakeOneModelWithAHostPerHypervisor()
    {
        var (estate, problems) = ImportLibvirt("kvm-full.xml", "qemu-tcg.xml", "xen-pv.xml", "xen-hvm.xml", "lxc.xml", "bytes.xml");
        Assert.Empty(problems);
        Assert.Equal(["libvirt-kvm-host", "libvirt-qemu-host", "libvirt-xen-pv-host", "libvirt-xen-hvm-host", "libvirt-lxc-host"], estate.Hosts.Select(h => h.Name));
        Assert.Equal(2, estate.Hosts[0].Guests.Count);
        Assert.Equal(6, estate.GuestCount);
    }

    [Theory]
    [InlineData("malformed.xml", "VDL6003", 5, 3)]
    [InlineData("xxe.xml", "VDL6004", 2, 1)]
    [InlineData("entity-bomb.xml", "VDL6004", 2, 1)]
    [InlineData("network.xml", "VDL6005", 1, 2)]
    [InlineData("unsupported-type.xml", "VDL6006", 1, 2)]
    [InlineData("bad-unit.xml", "VDL6007", 3, 4)]
    public void ABadFileIsALocatedErrorAndIsSkipped(string file, string code, int line, int column)
    {
        var (estate, problems) = ImportLibvirt(file, "kvm-full.xml");
        var problem = Assert.Single(problems);
        Assert.Equal((code, line, column), (problem.Descriptor.Code, problem.Line, problem.Column));
        Assert.True(problem.IsError);
        Assert.StartsWith($"{Data("libvirt", file)}({line},{column}): error {code}: ", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, estate.GuestCount);
    }

    [Fact]
    public void NoEntityIsEverExpanded()
    {
        var (estate, problems) = ImportLibvirt("xxe.xml");
        Assert.Equal("VDL6004", Assert.Single(problems).Descriptor.Code);
        Assert.Empty(estate.Hosts);
    }

    [Fact]
    public void AFileOverTheSizeBoundIsRefusedBeforeItIsParsed()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var path = Path.Combine(temporary.Path, "huge.xml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ImportLimits.MaxDocumentBytes + 1);
        }

        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        VirtLang.Import.Libvirt.LibvirtDomainImporter.Import(path, estate, problems);
        Assert.Equal("VDL6002", Assert.Single(problems).Descriptor.Code);
    }

    [Fact]
    public void ADirectoryOrAMissingFileIsVdl6001()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var problems = new List<ImportProblem>();
        VirtLang.Import.Libvirt.LibvirtDomainImporter.Import(temporary.Path, new ImportedEstate(), problems);
        VirtLang.Import.Libvirt.LibvirtDomainImporter.Import(Path.Combine(temporary.Path, "none.xml"), new ImportedEstate(), problems);
        Assert.Equal(["VDL6001", "VDL6001"], problems.Select(p => p.Descriptor.Code));
    }

    [Fact]
    public void AFolderIsItsXmlFilesInNameOrderAndAnEmptyOneIsAWarning()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var empty = Directory.CreateDirectory(Path.Combine(temporary.Path, "empty")).FullName;
        var full = Directory.CreateDirectory(Path.Combine(temporary.Path, "full")).FullName;
        File.Copy(Data("libvirt", "xen-pv.xml"), Path.Combine(full, "b.xml"));
        File.Copy(Data("libvirt", "kvm-full.xml"), Path.Combine(full, "a.XML"));
        File.WriteAllText(Path.Combine(full, "notes.txt"), "not a domain");
        var problems = new List<ImportProblem>();
        var files = Sources.ImportFileList.Expand([empty, full], ".xml", problems);
        Assert.Equal([Path.Combine(full, "a.XML"), Path.Combine(full, "b.xml")], files);
        var warning = Assert.Single(problems);
        Assert.Equal("VDL6022", warning.Descriptor.Code);
        Assert.False(warning.IsError);
    }

    [Fact]
    public void DeeplyNestedXmlIsRefusedAtTheDepthBound()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        const int depth = 200_000;
        var path = temporary.Write("deep.xml", "<domain type='kvm'><name>deep</name><memory>1024</memory><vcpu>1</vcpu><metadata>"
            + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</metadata></domain>");
        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        VirtLang.Import.Libvirt.LibvirtDomainImporter.Import(path, estate, problems);
        var problem = Assert.Single(problems);
        Assert.Equal(("VDL6002", 1, 83 + (3 * (ImportLimits.MaxXmlDepth - 1))), (problem.Descriptor.Code, problem.Line, problem.Column)); // the 64th <a>, at depth 65
        Assert.Empty(estate.Hosts);
    }

    [Theory]
    [InlineData("hyperv", "hyper-v")]
    [InlineData("vmware", "vmware")]
    [InlineData("bhyve", "bhyve")]
    public void OtherHardwareHypervisorsAreBareMetalWithHardwareAssistance(string type, string product)
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var path = temporary.Write(type + ".xml", $"<domain type='{type}'><name>g</name><memory unit='GiB'>2</memory><vcpu>2</vcpu></domain>");
        var estate = new ImportedEstate();
        var problems = new List<ImportProblem>();
        VirtLang.Import.Libvirt.LibvirtDomainImporter.Import(path, estate, problems);
        Assert.Empty(problems);
        var host = Assert.Single(estate.Hosts);
        Assert.Equal(("bare_metal", "hardware", product, "vtx"), (host.HypervisorKind, host.Acceleration, host.Product, Assert.Single(host.CpuFeatures)));
    }
}
