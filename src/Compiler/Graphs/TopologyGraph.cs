using System.Text;
using VirtLang.Compiler.Symbols;

namespace VirtLang.Compiler.Graphs;

/// <summary>
/// The topology as a graph for people: each host a box (with its hypervisor kind) holding its guests, hosts of a site
/// inside the site's dashed box, each application a node that the guests (or hosts) running it point to. Graphviz DOT or Mermaid; labels are escaped
/// for each, and node ids are indexes, never names.
/// </summary>
public static class TopologyGraph
{
    public static string ToDot(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var dot = new StringBuilder();
        dot.Append("digraph model {\n  rankdir=LR;\n  compound=true;\n  node [fontname=\"Helvetica\"];\n");
        var apps = AppIds(model);
        foreach (var (app, id) in apps)
        {
            dot.Append($"  {id} [shape=box, style=rounded, label=\"{Dot(app.Name)}\"];\n");
        }

        var edges = new StringBuilder();
        foreach (var (index, site, hosts) in BySite(model))
        {
            var indent = site is null ? "  " : "    ";
            if (site is not null)
            {
                dot.Append($"  subgraph cluster_s{index} {{\n    label=\"{Dot(SiteLabel(site))}\";\n    style=dashed;\n");
            }

            foreach (var h in hosts)
            {
                var host = model.Hosts[h];
                dot.Append($"{indent}subgraph cluster_h{h} {{\n{indent}  label=\"{Dot(NodeLabels.Host(host))}\";\n");
                dot.Append($"{indent}  h{h} [shape=point, style=invis];\n");
                foreach (var app in host.Runs)
                {
                    edges.Append($"  h{h} -> {apps[app]} [ltail=cluster_h{h}];\n");
                }

                for (var g = 0; g < host.Guests.Count; g++)
                {
                    var guest = host.Guests[g];
                    dot.Append($"{indent}  h{h}g{g} [label=\"{Dot(NodeLabels.Guest(guest))}\"{(guest.IsVm ? string.Empty : ", shape=component")}];\n");
                    foreach (var app in guest.Runs)
                    {
                        edges.Append($"  h{h}g{g} -> {apps[app]};\n");
                    }
                }

                dot.Append($"{indent}}}\n");
            }

            if (site is not null)
            {
                dot.Append("  }\n");
            }
        }

        dot.Append(edges).Append("}\n");
        return dot.ToString();
    }

    public static string ToMermaid(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder("flowchart LR\n");
        var apps = AppIds(model);
        foreach (var (app, id) in apps)
        {
            text.Append($"  {id}([\"{Mermaid(app.Name)}\"])\n");
        }

        var edges = new StringBuilder();
        foreach (var (index, site, hosts) in BySite(model))
        {
            var indent = site is null ? "  " : "    ";
            if (site is not null)
            {
                text.Append($"  subgraph s{index}[\"{Mermaid(SiteLabel(site))}\"]\n");
            }

            foreach (var h in hosts)
            {
                var host = model.Hosts[h];
                text.Append($"{indent}subgraph h{h}[\"{Mermaid(NodeLabels.Host(host))}\"]\n");
                if (host.Guests.Count == 0)
                {
                    text.Append($"{indent}  h{h}os[\"host OS\"]\n");
                }

                foreach (var app in host.Runs)
                {
                    edges.Append($"  h{h} --> {apps[app]}\n");
                }

                for (var g = 0; g < host.Guests.Count; g++)
                {
                    var guest = host.Guests[g];
                    text.Append($"{indent}  h{h}g{g}[\"{Mermaid(NodeLabels.Guest(guest))}\"]\n");
                    foreach (var app in guest.Runs)
                    {
                        edges.Append($"  h{h}g{g} --> {apps[app]}\n");
                    }
                }

                text.Append($"{indent}end\n");
            }

            if (site is not null)
            {
                text.Append("  end\n");
            }
        }

        return text.Append(edges).ToString();
    }

    /// <summary>
    /// Host indexes grouped by site, sites in the model's order, then the hosts that name none (a model without sites:
    /// one group, the graph as before sites existed). Node ids stay the host's index in the model.
    /// </summary>
    private static IEnumerable<(int Index, SiteSymbol? Site, List<int> Hosts)> BySite(SemanticModel model)
    {
        var groups = model.Sites.Select((site, i) => (Index: i, Site: (SiteSymbol?)site, Hosts: new List<int>())).ToList();
        var bySite = groups.ToDictionary(g => g.Site!, g => g.Hosts);
        var unsited = new List<int>();
        for (var h = 0; h < model.Hosts.Count; h++)
        {
            var site = model.Hosts[h].Site;
            (site is not null && bySite.TryGetValue(site, out var hosts) ? hosts : unsited).Add(h);
        }

        return [.. groups.Where(g => g.Hosts.Count > 0), (-1, null, unsited)];
    }

    private static string SiteLabel(SiteSymbol site) => site.Location is { } location ? $"site {site.Name} ({location})" : $"site {site.Name}";

    private static Dictionary<ApplicationSymbol, string> AppIds(SemanticModel model) =>
        model.Applications.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => $"a{p.i}");

    /// <summary>A DOT string's content: backslashes and quotes escaped, line breaks as spaces.</summary>
    private static string Dot(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>A Mermaid label: quotes and markup characters as entity codes.</summary>
    private static string Mermaid(string text) =>
        text.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
