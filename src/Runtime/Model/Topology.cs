namespace VirtLang.Runtime.Model;

/// <summary>A whole model: the hosts with their guests, and the clusters. Applications are reached through <c>Runs</c>.</summary>
public sealed class Topology
{
    public IReadOnlyList<HostSpec> Hosts { get; init; } = [];

    public IReadOnlyList<ClusterSpec> Clusters { get; init; } = [];

    /// <summary>The sites hosts may name; a host's site not listed here is a site too, without a location.</summary>
    public IReadOnlyList<SiteSpec> Sites { get; init; } = [];

    /// <summary>Every application some host or guest runs, in the order first met (hosts, then their guests).</summary>
    public IReadOnlyList<ApplicationSpec> Applications()
    {
        var seen = new HashSet<ApplicationSpec>(ReferenceEqualityComparer.Instance);
        var list = new List<ApplicationSpec>();
        foreach (var host in Hosts)
        {
            foreach (var app in host.Runs.Concat(host.Guests.SelectMany(g => g.Runs)))
            {
                if (seen.Add(app))
                {
                    list.Add(app);
                }
            }
        }

        return list;
    }
}
