using VirtLang.Language.Diagnostics;
using static VirtLang.Language.Diagnostics.DiagnosticSeverity;

namespace VirtLang.Compiler.Diagnostics;

/// <summary>
/// The codes `vdl import` reports about the files it reads (VDL6001–VDL6049, docs/import.md). They are about a source
/// file (libvirt XML, Compose YAML, an inventory CSV), not a model; they are in the catalog so that <c>vdl explain</c>
/// and the pages know them. An error skips its file (or its row); a warning imports with what it says left out.
/// </summary>
public static class ImportDiagnostics
{
    public static readonly DiagnosticDescriptor FileCannotBeRead = new(
        "VDL6001", Error, "Import source cannot be read", "cannot read the file: {0}");

    public static readonly DiagnosticDescriptor OverALimit = new(
        "VDL6002", Error, "Import source over a limit", "{0}, more than the {1} an import takes (docs/limits.md)");

    public static readonly DiagnosticDescriptor MalformedXml = new(
        "VDL6003", Error, "Malformed XML", "the file is not well-formed XML: {0}");

    public static readonly DiagnosticDescriptor DtdProhibited = new(
        "VDL6004", Error, "XML with a document type declaration", "the file has a <!DOCTYPE>: DTDs and entities are refused in imported XML; export it again with `virsh dumpxml`");

    public static readonly DiagnosticDescriptor NotALibvirtDomain = new(
        "VDL6005", Error, "Not a libvirt domain", "not a libvirt domain: {0}");

    public static readonly DiagnosticDescriptor UnsupportedDomainType = new(
        "VDL6006", Error, "Unsupported libvirt domain type", "the domain type `{0}` has no VDL hypervisor kind; the types imported are kvm, qemu, xen, lxc, hyperv, vmware, bhyve");

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "VDL6007", Error, "Invalid value in an import source", "invalid value: {0}");

    public static readonly DiagnosticDescriptor MalformedYaml = new(
        "VDL6010", Error, "Malformed YAML", "the file is not valid YAML: {0}");

    public static readonly DiagnosticDescriptor NotAComposeFile = new(
        "VDL6011", Error, "Not a Compose file", "not a Compose file: {0}");

    public static readonly DiagnosticDescriptor ComposeFeatureNotImported = new(
        "VDL6012", Warning, "Compose feature not imported", "Compose feature not imported: {0}");

    public static readonly DiagnosticDescriptor MalformedCsv = new(
        "VDL6020", Error, "Malformed CSV", "the inventory stops here: {0}");

    public static readonly DiagnosticDescriptor MissingColumn = new(
        "VDL6021", Error, "Inventory column missing", "the inventory has no column `{0}` ({1}); name the column that holds it with --columns {2}=HEADER");

    public static readonly DiagnosticDescriptor NothingToImport = new(
        "VDL6022", Warning, "Nothing to import", "nothing to import: {0}");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        FileCannotBeRead, OverALimit, MalformedXml, DtdProhibited, NotALibvirtDomain, UnsupportedDomainType, InvalidValue,
        MalformedYaml, NotAComposeFile, ComposeFeatureNotImported, MalformedCsv, MissingColumn, NothingToImport,
    ];
}
