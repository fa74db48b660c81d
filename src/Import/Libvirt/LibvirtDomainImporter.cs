using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Import.Model;
using VirtLang.Import.Sources;

namespace VirtLang.Import.Libvirt;

/// <summary>
/// `vdl import libvirt`: each domain XML (`virsh dumpxml`) becomes a guest on a placeholder host of its hypervisor
/// (<see cref="LibvirtHypervisor"/>): vCPUs and memory as attributes, the rest of what libvirt says (current and
/// maximum vCPUs, topology, current memory, OS type, architecture, machine, CPU mode and features, disks and interfaces
/// with bus and model) as comments at the guest, and every element without a VDL counterpart listed there too.
/// XML is read without DTDs (no external entities, no expansion), within <see cref="ImportLimits.MaxDocumentBytes"/>.
/// </summary>
public static class LibvirtDomainImporter
{
    private static readonly XNamespace LibosinfoNamespace = "http://libosinfo.org/xmlns/libvirt/domain/1.0";

    /// <summary>Top-level elements that are read into the guest or its comments.</summary>
    private static readonly HashSet<string> Read = new(StringComparer.Ordinal)
    {
        "name", "uuid", "memory", "currentMemory", "maxMemory", "vcpu", "vcpus", "cpu", "os", "devices", "metadata", "title", "description",
    };

    public static void Import(string path, ImportedEstate estate, List<ImportProblem> problems)
    {
        if (ImportSourceReader.TryReadAll(path, ImportLimits.MaxDocumentBytes, problems) is not { } bytes)
        {
            return;
        }

        if (Load(path, bytes, problems) is not { } document)
        {
            return;
        }

        ImportDomain(path, document.Root!, estate, problems);
    }

    internal static XDocument? Load(string path, byte[] bytes, List<ImportProblem> problems)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ImportLimits.MaxDocumentBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            // A first pass that only counts the depth: the tree is built only for a document of a sane shape.
            using (var scan = XmlReader.Create(new MemoryStream(bytes, writable: false), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > ImportLimits.MaxXmlDepth)
                    {
                        var at = (IXmlLineInfo)scan;
                        problems.Add(ImportProblem.Of(path, at.LineNumber, at.LinePosition, ImportDiagnostics.OverALimit, "the document nests deeper", $"{ImportLimits.MaxXmlDepth} levels"));
                        return null;
                    }
                }
            }

            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            var (line, column) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : DoctypeLocation(bytes);
            problems.Add(ImportProblem.Of(path, line, column, ImportDiagnostics.DtdProhibited));
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            problems.Add(ImportProblem.Of(path, e.LineNumber, e.LinePosition, ImportDiagnostics.OverALimit, "the document has more characters", $"{ImportLimits.MaxDocumentBytes:N0} characters"));
        }
        catch (XmlException e)
        {
            problems.Add(ImportProblem.Of(path, e.LineNumber, e.LinePosition, ImportDiagnostics.MalformedXml, e.Message));
        }

        return null;
    }

    /// <summary>Where the `&lt;!DOCTYPE` starts, for the reader's exception that does not say.</summary>
    private static (int Line, int Column) DoctypeLocation(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (at < 0)
        {
            return (1, 1);
        }

        var line = 1 + text.AsSpan(0, at).Count('\n');
        return (line, at - text.LastIndexOf('\n', Math.Max(0, at - 1)));
    }

    private static void ImportDomain(string path, XElement domain, ImportedEstate estate, List<ImportProblem> problems)
    {
        ImportProblem NotADomain(XObject at, string why) => ImportProblem.Of(path, Line(at), Column(at), ImportDiagnostics.NotALibvirtDomain, why);

        if (domain.Name.LocalName != "domain" || domain.Name.NamespaceName.Length > 0)
        {
            problems.Add(NotADomain(domain, $"the root element is <{domain.Name.LocalName}>, not <domain>: only domain XML (virsh dumpxml) is imported"));
            return;
        }

        var type = (string?)domain.Attribute("type");
        var name = domain.Element("name")?.Value.Trim();
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(name))
        {
            problems.Add(NotADomain(domain, "the domain has no `type` attribute or no <name>"));
            return;
        }

        var os = domain.Element("os");
        var osType = os?.Element("type");
        if (LibvirtHypervisor.Of(type, osType?.Value.Trim()) is not { } hypervisor)
        {
            problems.Add(ImportProblem.Of(path, Line(domain), Column(domain), ImportDiagnostics.UnsupportedDomainType, type));
            return;
        }

        var memoryElement = domain.Element("memory");
        var vcpuElement = domain.Element("vcpu");
        if (memoryElement is null || vcpuElement is null)
        {
            problems.Add(NotADomain(domain, $"domain `{name}` has no <{(memoryElement is null ? "memory" : "vcpu")}>: libvirt always writes one"));
            return;
        }

        if (Memory(path, memoryElement, problems) is not { } memory)
        {
            return;
        }

        var currentMemoryElement = domain.Element("currentMemory");
        long? currentMemory = currentMemoryElement is null ? null : Memory(path, currentMemoryElement, problems);
        if (currentMemoryElement is not null && currentMemory is null)
        {
            return;
        }

        if (WholeNumber(path, vcpuElement, vcpuElement.Value, "<vcpu>", problems) is not { } maximumVcpus)
        {
            return;
        }

        var currentAttribute = vcpuElement.Attribute("current");
        int? currentVcpus = currentAttribute is null ? null : WholeNumber(path, currentAttribute, currentAttribute.Value, "<vcpu current>", problems);
        if (currentAttribute is not null && currentVcpus is null)
        {
            return;
        }

        var container = hypervisor.Kind == "os_level";
        var host = estate.Host("libvirt:" + hypervisor.Key, () => PlaceholderHost(estate, hypervisor));
        var guest = new ImportedGuest(container ? GuestKind.Container : GuestKind.Vm, estate.Names.Allocate(name, container ? "container" : "vm"));
        guest.Comments.Add($"libvirt domain \"{name}\" (type {type}) from {Path.GetFileName(path)}");
        var vcpus = currentVcpus ?? maximumVcpus;
        var vcpuNote = $"vCPUs: {vcpus} current of {maximumVcpus} maximum";
        if ((string?)vcpuElement.Attribute("placement") is { } placement)
        {
            vcpuNote += $", placement {placement}";
        }

        if ((string?)vcpuElement.Attribute("cpuset") is { } cpuset)
        {
            vcpuNote += $", cpuset {cpuset}";
        }

        guest.Comments.Add(vcpuNote);
        guest.Comments.Add($"memory: {MemorySize.ToQuantity(memory)}" + (currentMemory is { } current ? $", current (balloon) {MemorySize.ToQuantity(current)}" : string.Empty));
        if (domain.Element("maxMemory") is { } maxMemory)
        {
            guest.Comments.Add($"not modelled: <maxMemory> {maxMemory.Value.Trim()} {(string?)maxMemory.Attribute("unit") ?? "KiB"} (memory hotplug, {(string?)maxMemory.Attribute("slots") ?? "?"} slots)");
        }

        if (os is not null)
        {
            guest.Comments.Add($"os: type {osType?.Value.Trim() ?? "?"}, arch {(string?)osType?.Attribute("arch") ?? "?"}, machine {(string?)osType?.Attribute("machine") ?? "?"}");
        }

        Cpu(domain.Element("cpu"), guest);
        Devices(domain.Element("devices"), guest);
        guest.Os = GuestOs(domain, estate);
        var unread = domain.Elements().Select(e => e.Name.LocalName).Where(n => !Read.Contains(n)).Distinct().ToList();
        if (unread.Count > 0)
        {
            guest.Comments.Add("not modelled: " + string.Join(", ", unread.Select(n => $"<{n}>")));
        }

        if (container)
        {
            // A container has no vCPUs of its own in VDL: the count is kept above, the memory becomes its limit.
            guest.MemoryLimitBytes = memory;
        }
        else
        {
            guest.Vcpus = vcpus;
            guest.MemoryBytes = memory;
        }

        host.Guests.Add(guest);
    }

    private static ImportedHost PlaceholderHost(ImportedEstate estate, LibvirtHypervisor hypervisor)
    {
        var host = new ImportedHost(estate.Names.Allocate($"libvirt-{hypervisor.Key}-host", "host"), hypervisor.Kind)
        {
            Acceleration = hypervisor.Acceleration,
            Product = hypervisor.Product,
        };
        host.Comments.Add($"placeholder: the {hypervisor.Product} host(s) these domains run on; libvirt domain XML does not describe the machine");
        estate.Assume($"host {host.Name} is a placeholder for the {hypervisor.Product} machine(s): add its `cpu` block, `memory`, disks and NICs (or a `: HARDWARE` base), or split it into the real hosts");
        if (hypervisor.Acceleration == "hardware")
        {
            // Not a guess: this hypervisor runs only on a CPU with VT-x or AMD-V. Which of the two is unknown.
            host.CpuFeatures.Add("vtx");
            estate.Assume($"host {host.Name} has `cpu {{ features = [vtx] }}` because {hypervisor.Product} needs VT-x or AMD-V: set the real CPU (sockets, cores, threads, clock; amdv on AMD, ept or npt for nested paging); until then it has one core, and vdl check says which guests do not fit it (VDL2002, VDL2003)");
        }

        if (hypervisor.Kind == "os_level")
        {
            var hostOs = estate.OperatingSystem("libvirt:lxc-host-os", () => new ImportedOs(estate.Names.Allocate("lxc-host-os", "os"), "linux"));
            host.Os = hostOs.Name;
            estate.Assume($"os {hostOs.Name} is a placeholder for the LXC host's Linux: set its version and kernel");
        }

        if (hypervisor.Kind == "paravirtual")
        {
            estate.Assume($"host {host.Name} (Xen PV) has no driver domain (dom0): add a `privileged = true` vm for it (VDL3006 until then), and give the guests an `os` with `paravirt = true`");
        }

        return host;
    }

    private static void Cpu(XElement? cpu, ImportedGuest guest)
    {
        if (cpu is null)
        {
            return;
        }

        var parts = new List<string> { $"cpu: mode {(string?)cpu.Attribute("mode") ?? "custom"}" };
        if (cpu.Element("model")?.Value.Trim() is { Length: > 0 } model)
        {
            parts.Add($"model {model}");
        }

        if (cpu.Element("topology") is { } topology)
        {
            parts.Add($"topology {(string?)topology.Attribute("sockets") ?? "?"} sockets x {(string?)topology.Attribute("cores") ?? "?"} cores x {(string?)topology.Attribute("threads") ?? "?"} threads"
                + ((string?)topology.Attribute("dies") is { } dies ? $", {dies} dies" : string.Empty));
        }

        var features = cpu.Elements("feature").Select(f => $"{(string?)f.Attribute("policy") ?? "require"} {(string?)f.Attribute("name")}").ToList();
        if (features.Count > 0)
        {
            parts.Add("features " + string.Join(", ", features));
        }

        guest.Comments.Add(string.Join("; ", parts));
    }

    private static void Devices(XElement? devices, ImportedGuest guest)
    {
        if (devices is null)
        {
            return;
        }

        foreach (var disk in devices.Elements("disk"))
        {
            var target = disk.Element("target");
            var bus = (string?)target?.Attribute("bus") ?? "?";
            var source = disk.Element("source");
            var from = (string?)source?.Attribute("file") ?? (string?)source?.Attribute("dev") ?? (string?)source?.Attribute("volume") ?? (string?)source?.Attribute("name");
            guest.Comments.Add($"disk {(string?)target?.Attribute("dev") ?? "?"}: {(string?)disk.Attribute("device") ?? "disk"}, bus {bus}{Paravirtual(bus)}"
                + ((string?)disk.Element("driver")?.Attribute("type") is { } format ? $", format {format}" : string.Empty)
                + (from is not null ? $", source {from}" : string.Empty) + " (size not in the XML)");
        }

        foreach (var nic in devices.Elements("interface"))
        {
            var model = (string?)nic.Element("model")?.Attribute("type") ?? "default";
            var source = nic.Element("source");
            var network = (string?)source?.Attribute("network") ?? (string?)source?.Attribute("bridge") ?? (string?)source?.Attribute("dev");
            guest.Comments.Add($"interface {(string?)nic.Attribute("type") ?? "?"}{(network is not null ? " " + network : string.Empty)}: model {model}{Paravirtual(model)}");
        }

        var others = devices.Elements().Select(e => e.Name.LocalName).Where(n => n is not "disk" and not "interface")
            .GroupBy(n => n, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} x{g.Count()}").ToList();
        if (others.Count > 0)
        {
            guest.Comments.Add("devices not modelled: " + string.Join(", ", others));
        }
    }

    private static string Paravirtual(string busOrModel) =>
        busOrModel.StartsWith("virtio", StringComparison.Ordinal) || busOrModel is "xen" ? " (paravirtualized driver)" : string.Empty;

    /// <summary>The guest OS libosinfo names (virt-install writes it), as an `os` of the catalog: rhel 8.6, win 2k19.</summary>
    private static string? GuestOs(XElement domain, ImportedEstate estate)
    {
        var id = (string?)domain.Element("metadata")?.Element(LibosinfoNamespace + "libosinfo")?.Element(LibosinfoNamespace + "os")?.Attribute("id");
        if (id is null || !Uri.TryCreate(id, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        var family = uri.Host switch
        {
            "microsoft.com" => "windows",
            "freebsd.org" or "openbsd.org" or "netbsd.org" => "bsd",
            "oracle.com" when segments[0].Contains("solaris", StringComparison.Ordinal) => "solaris",
            _ => "linux",
        };
        var os = estate.OperatingSystem("libosinfo:" + id, () =>
        {
            var created = new ImportedOs(estate.Names.Allocate(string.Join("-", segments), "os"), family);
            created.Comments.Add($"libosinfo id {id}");
            if (segments.Length > 1 && segments[^1].All(c => char.IsAsciiDigit(c) || c == '.') && char.IsAsciiDigit(segments[^1][0]))
            {
                created.Version = segments[^1];
            }

            estate.Assume($"os {created.Name} comes from its libosinfo id: the family is {family} by the id's host; set its kernel and drivers");
            return created;
        });
        return os.Name;
    }

    private static long? Memory(string path, XElement element, List<ImportProblem> problems)
    {
        var unit = (string?)element.Attribute("unit");
        if (MemorySize.LibvirtUnit(unit) is not { } factor)
        {
            problems.Add(ImportProblem.Of(path, Line(element), Column(element), ImportDiagnostics.InvalidValue, $"<{element.Name.LocalName}> has the unit `{unit}`, which libvirt does not know"));
            return null;
        }

        if (!element.Value.Trim().All(char.IsAsciiDigit) || element.Value.Trim().Length == 0 || MemorySize.Scale(element.Value, factor) is not { } bytes)
        {
            problems.Add(ImportProblem.Of(path, Line(element), Column(element), ImportDiagnostics.InvalidValue,
                $"<{element.Name.LocalName}> is `{Shorten(element.Value)}`, not a whole number of {unit ?? "KiB"} up to 1024TiB"));
            return null;
        }

        return bytes;
    }

    private static int? WholeNumber(string path, XObject at, string text, string what, List<ImportProblem> problems)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 524_288)
        {
            return value;
        }

        problems.Add(ImportProblem.Of(path, Line(at), Column(at), ImportDiagnostics.InvalidValue, $"{what} is `{Shorten(text)}`, not a whole number from 1 to 524,288"));
        return null;
    }

    private static string Shorten(string text) => text.Trim().Length > 40 ? text.Trim()[..40] + "..." : text.Trim();

    private static int Line(XObject at) => ((IXmlLineInfo)at).LineNumber;

    private static int Column(XObject at) => ((IXmlLineInfo)at).LinePosition;
}
