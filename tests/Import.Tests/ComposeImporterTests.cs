using static VirtLang.Import.Tests.ImportFixture;

namespace VirtLang.Import.Tests;

public sealed class ComposeImporterTests
{
    [Fact]
    public void ServicesBecomeApplicationsInContainers()
    {
        var (estate, _) = ImportCompose("shop.yaml");
        Assert.Equal(["web", "api", "worker"], estate.Apps.Select(a => a.Name));
        var web = estate.Apps[0];
        Assert.Equal(("container", 3, 0.5, 256L * 1024 * 1024), (web.Isolation, web.Replicas, web.DemandCpu, web.DemandMemoryBytes));
        Assert.Contains("image nginx:1.27", web.Comments);
        Assert.Contains("depends_on: api", web.Comments);
        Assert.Contains("not modelled: ports", web.Comments);
        var host = Assert.Single(estate.Hosts);
        Assert.Equal("os_level", host.HypervisorKind);
        var container = host.Guests[0];
        Assert.Equal(("web-container", 3, 1024L * 1024 * 1024), (container.Name, container.Count, container.MemoryLimitBytes));
        Assert.Equal(["web"], container.Runs);
    }

    [Fact]
    public void InterpolationTakesDefaultsAndNeverReadsTheEnvironment()
    {
        Environment.SetEnvironmentVariable("WORKER_MEM", "4g");
        List<ImportProblem> problems;
        Model.ImportedEstate estate;
        try
        {
            (estate, problems) = ImportCompose("shop.yaml");
        }
        finally
        {
            Environment.SetEnvironmentVariable("WORKER_MEM", null);
        }

        Assert.Null(estate.Apps[2].DemandMemoryBytes);
        Assert.Contains("image shop/api:latest", estate.Apps[1].Comments);
        Assert.Equal(2L * 1024 * 1024 * 1024, estate.Apps[1].DemandMemoryBytes);
        var warning = Assert.Single(problems);
        Assert.Equal(("VDL6012", 23, 16), (warning.Descriptor.Code, warning.Line, warning.Column));
        Assert.Contains("${WORKER_MEM}", warning.Message, StringComparison.Ordinal);
        Assert.False(warning.IsError);
    }

    [Fact]
    public void ExtendsInTheFileMergesTheBaseUnderTheService()
    {
        var (estate, _) = ImportCompose("shop.yaml");
        var worker = estate.Apps[2];
        Assert.Contains("image shop/api:latest", worker.Comments);
        Assert.Equal(512, estate.Hosts[0].Guests[2].CpuShares);
        Assert.Contains(worker.Comments, c => c.StartsWith("profiles: batch", StringComparison.Ordinal));
        Assert.Contains(estate.Assumptions, a => a.Contains("profile(s) batch", StringComparison.Ordinal));
    }

    [Fact]
    public void MergeKeysCopyTheAnchorsEntriesTheServiceDoesNotSet()
    {
        var (estate, _) = ImportCompose("shop.yaml");
        // web sets its own limits; x-common's mem_limit (512m) and cpus are shadowed by deploy.resources.
        Assert.Equal(1024L * 1024 * 1024, estate.Hosts[0].Guests[0].MemoryLimitBytes);
    }

    [Theory]
    [InlineData("alias-bomb.yaml", "VDL6002")]
    [InlineData("malformed.yaml", "VDL6010")]
    [InlineData("not-compose.yaml", "VDL6011")]
    public void ABadFileIsALocatedError(string file, string code)
    {
        var (estate, problems) = ImportCompose(file);
        Assert.Equal(code, Assert.Single(problems).Descriptor.Code);
        Assert.Empty(estate.Apps);
    }

    [Fact]
    public void NestingPastTheDepthBoundIsRefusedWithoutRecursion()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var path = temporary.Write("deep.yaml", "services: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        var estate = new Model.ImportedEstate();
        var problems = new List<ImportProblem>();
        VirtLang.Import.Compose.ComposeImporter.Import(path, estate, problems);
        var problem = Assert.Single(problems);
        Assert.Equal("VDL6002", problem.Descriptor.Code);
        Assert.Contains("64 levels", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyTheServiceSetsWinsOverTheMergeKeyBeforeIt()
    {
        using var temporary = new TemporaryDirectory("vdl-import-");
        var path = temporary.Write("merge.yaml", "x-base: &base\n  mem_limit: 1g\n  cpu_shares: 100\nservices:\n  a:\n    <<: *base\n    mem_limit: 2g\n");
        var estate = new Model.ImportedEstate();
        var problems = new List<ImportProblem>();
        VirtLang.Import.Compose.ComposeImporter.Import(path, estate, problems);
        Assert.Empty(problems);
        var container = Assert.Single(Assert.Single(estate.Hosts).Guests);
        Assert.Equal((2L * 1024 * 1024 * 1024, 100.0), (container.MemoryLimitBytes, container.CpuShares));
    }
}
