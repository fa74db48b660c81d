using VirtLang.Compiler.Graphs;
using VirtLang.Tests.Shared;

namespace VirtLang.Compiler.Tests;

/// <summary>`vdl graph` draws a site as a box around its hosts (DOT and Mermaid); a model without sites draws as before.</summary>
public sealed class TopologyGraphSiteTests
{
    private static SemanticModel Availability() =>
        ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, "availability.vdl")]).SemanticModel;

    [Fact]
    public void Dot_puts_each_sites_hosts_inside_its_dashed_cluster()
    {
        var dot = TopologyGraph.ToDot(Availability());
        Assert.Contains("  subgraph cluster_s0 {\n    label=\"site fra (Frankfurt)\";\n    style=dashed;\n    subgraph cluster_h0 {\n      label=\"fra-01 (bare_metal)\";", dot, StringComparison.Ordinal);
        Assert.Contains("  subgraph cluster_s1 {\n    label=\"site ams (Amsterdam)\";", dot, StringComparison.Ordinal);
        Assert.True(dot.IndexOf("cluster_h1 {", StringComparison.Ordinal) < dot.IndexOf("cluster_s1 {", StringComparison.Ordinal), "fra-02 is drawn inside fra, before ams opens");
    }

    [Fact]
    public void Mermaid_nests_each_sites_hosts_in_its_subgraph()
    {
        var mermaid = TopologyGraph.ToMermaid(Availability());
        Assert.Contains("  subgraph s1[\"site ams (Amsterdam)\"]\n    subgraph h2[\"ams-01 (bare_metal)\"]\n      h2g0[\"vm shop-ams\"]\n    end\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_sites_has_no_site_box()
    {
        var model = ModelCompilation.FromFiles([Path.Combine(RepositoryPaths.Examples, "datacenter.vdl")]).SemanticModel;
        Assert.DoesNotContain("cluster_s", TopologyGraph.ToDot(model), StringComparison.Ordinal);
        Assert.StartsWith("  subgraph cluster_h0 {\n    label=", TopologyGraph.ToDot(model).Split('\n').SkipWhile(l => !l.Contains("subgraph", StringComparison.Ordinal)).Aggregate((a, b) => a + "\n" + b), StringComparison.Ordinal);
    }
}
