namespace VirtLang.Import.Model;

/// <summary>An application, as a Compose service describes it.</summary>
public sealed class ImportedApp(string name)
{
    public string Name { get; } = name;

    public List<string> Comments { get; } = [];

    public string? Isolation { get; set; }

    public int? Replicas { get; set; }

    /// <summary>Certified platforms: the import only knows the placeholder OS it runs on.</summary>
    public List<string> RequiresOs { get; } = [];

    public double? DemandCpu { get; set; }

    public long? DemandMemoryBytes { get; set; }
}
