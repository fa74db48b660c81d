namespace VirtLang.Import.Model;

/// <summary>A guest as a source describes it, already named as a VDL identifier; absent figures are not written.</summary>
public sealed class ImportedGuest(GuestKind kind, string name)
{
    public GuestKind Kind { get; } = kind;

    public string Name { get; } = name;

    /// <summary>Lines written as comments before its attributes: its original name, what has no VDL counterpart.</summary>
    public List<string> Comments { get; } = [];

    public int? Vcpus { get; set; }

    public long? MemoryBytes { get; set; }

    public long? DiskBytes { get; set; }

    public string? Os { get; set; }

    public List<string> Runs { get; } = [];

    public int? Count { get; set; }

    public long? MemoryLimitBytes { get; set; }

    public double? CpuShares { get; set; }
}
