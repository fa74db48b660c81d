namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>The models the sweep tests run: the repository's examples, bundled as <c>vdl sweep</c> bundles them.</summary>
internal static class SweepModels
{
    public static string DatacenterPath => Path.Combine(RepositoryPaths.Examples, "datacenter.vdl");

    public static ModelBundle Datacenter() => ModelBundle.FromFiles([DatacenterPath]);
}
