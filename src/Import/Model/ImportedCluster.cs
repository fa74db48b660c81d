namespace VirtLang.Import.Model;

/// <summary>A cluster of hosts, as an inventory names it.</summary>
public sealed class ImportedCluster(string name)
{
    public string Name { get; } = name;

    public List<string> Comments { get; } = [];

    public List<string> Hosts { get; } = [];
}
