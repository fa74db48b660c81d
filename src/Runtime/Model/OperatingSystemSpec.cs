namespace VirtLang.Runtime.Model;

/// <summary>An operating system of the catalog. <paramref name="Paravirt"/>: a paravirtualization-aware kernel exists.</summary>
public sealed record OperatingSystemSpec(string Name, string Family, string Version, bool Paravirt = false)
{
    /// <summary>Random crashes of each VM that runs this OS as its guest OS (null: none).</summary>
    public FailureSpec? Failures { get; init; }
}
