namespace VirtLang.Import.Model;

/// <summary>An operating system of the catalog, as a source names it (libosinfo id, inventory OS column) or a placeholder.</summary>
public sealed class ImportedOs(string name, string family)
{
    public string Name { get; } = name;

    /// <summary>linux, windows, solaris or bsd.</summary>
    public string Family { get; } = family;

    public string? Version { get; set; }

    public List<string> Comments { get; } = [];
}
