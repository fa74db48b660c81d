namespace VirtLang.Import;

/// <summary>The bounds of `vdl import` on untrusted input (docs/limits.md, "vdl import"); each is a VDL6002 when crossed.</summary>
public static class ImportLimits
{
    /// <summary>A libvirt or Compose file: as a model file (a domain's XML is a few KiB, a large Compose file 100 KiB).</summary>
    public const long MaxDocumentBytes = 16L * 1024 * 1024;

    /// <summary>An inventory: streamed, so larger; a million-row vInfo export with its 90 columns is about that.</summary>
    public const long MaxInventoryBytes = 1024L * 1024 * 1024;

    /// <summary>Files of one import (folders expanded): 10x the 10,000-domain measure of docs/performance.md.</summary>
    public const int MaxFiles = 100_000;

    /// <summary>Nesting of a domain's XML: libvirt needs about 6 (domain, devices, disk, source...); 200,000 took minutes to load.</summary>
    public const int MaxXmlDepth = 64;

    /// <summary>Nesting of a YAML document: Compose needs 5 (services, web, deploy, resources, limits).</summary>
    public const int MaxYamlDepth = 64;

    /// <summary>YAML nodes read, merge keys (`&lt;&lt;`) counted as copied: an alias bomb stops here.</summary>
    public const int MaxYamlNodes = 1_000_000;

    /// <summary>Inventory rows: the model's own bound of a million hosts and guests.</summary>
    public const int MaxInventoryRows = 1_000_000;

    /// <summary>Fields of one inventory row (a vInfo export has about 90).</summary>
    public const int MaxInventoryFields = 1_000;

    /// <summary>Characters of one inventory field (an annotation can be long; a missing quote reads to the end).</summary>
    public const int MaxInventoryFieldChars = 64 * 1024;

    /// <summary>Guests of one model: the checker's bound (VDL1040).</summary>
    public const int MaxGuests = 1_000_000;
}
