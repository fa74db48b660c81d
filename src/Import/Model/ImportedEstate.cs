namespace VirtLang.Import.Model;

/// <summary>
/// What one `vdl import` read from all its files, in the order it read them (so the same files give the same model):
/// the declarations to write, and the assumptions the header comment lists (placeholders the user fixes next).
/// </summary>
public sealed class ImportedEstate
{
    private readonly Dictionary<string, ImportedHost> _hostsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportedOs> _osByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportedCluster> _clustersByKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assumed = new(StringComparer.Ordinal);

    /// <summary>Every name written, across kinds: a model has one namespace.</summary>
    public VdlNameAllocator Names { get; } = new();

    /// <summary>The header's lines, each said once, in the order first said.</summary>
    public List<string> Assumptions { get; } = [];

    public List<ImportedOs> OperatingSystems { get; } = [];

    public List<ImportedApp> Apps { get; } = [];

    public List<ImportedHost> Hosts { get; } = [];

    public List<ImportedCluster> Clusters { get; } = [];

    public int GuestCount => Hosts.Sum(h => h.Guests.Count);

    public void Assume(string assumption)
    {
        if (_assumed.Add(assumption))
        {
            Assumptions.Add(assumption);
        }
    }

    /// <summary>The host a source calls <paramref name="key"/>, made by <paramref name="create"/> the first time.</summary>
    public ImportedHost Host(string key, Func<ImportedHost> create)
    {
        if (!_hostsByKey.TryGetValue(key, out var host))
        {
            host = create();
            _hostsByKey.Add(key, host);
            Hosts.Add(host);
        }

        return host;
    }

    public ImportedOs OperatingSystem(string key, Func<ImportedOs> create)
    {
        if (!_osByKey.TryGetValue(key, out var os))
        {
            os = create();
            _osByKey.Add(key, os);
            OperatingSystems.Add(os);
        }

        return os;
    }

    public ImportedCluster Cluster(string key, Func<ImportedCluster> create)
    {
        if (!_clustersByKey.TryGetValue(key, out var cluster))
        {
            cluster = create();
            _clustersByKey.Add(key, cluster);
            Clusters.Add(cluster);
        }

        return cluster;
    }
}
