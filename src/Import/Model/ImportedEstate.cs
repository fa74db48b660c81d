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
    public ImportedHost Host(string key, Func<ImportedHost> create) => GetOrAdd(_hostsByKey, Hosts, key, create);

    public ImportedOs OperatingSystem(string key, Func<ImportedOs> create) => GetOrAdd(_osByKey, OperatingSystems, key, create);

    public ImportedCluster Cluster(string key, Func<ImportedCluster> create) => GetOrAdd(_clustersByKey, Clusters, key, create);

    /// <summary>What the source calls <paramref name="key"/>: made once, kept in the order the source first named it.</summary>
    private static T GetOrAdd<T>(Dictionary<string, T> byKey, List<T> inOrder, string key, Func<T> create)
    {
        if (!byKey.TryGetValue(key, out var item))
        {
            item = create();
            byKey.Add(key, item);
            inOrder.Add(item);
        }

        return item;
    }
}
