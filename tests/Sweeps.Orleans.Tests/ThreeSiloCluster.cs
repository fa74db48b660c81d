using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>
/// Orleans' TestingHost with three silos in this process, each a sweep worker (the batch grain and its compiled-model
/// cache), and its client. A fresh cluster per test class: one test kills a silo.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<WorkerConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Each silo's model cache, in the order of the cluster's silos.</summary>
    public IReadOnlyList<CompiledModelCache> Caches() =>
        Cluster.Silos.Select(s => Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<CompiledModelCache>()).ToList();

    /// <summary>The batch hook of <paramref name="silo"/>.</summary>
    internal HeldBatches Hook(SiloHandle silo) => Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<HeldBatches>();

    private sealed class WorkerConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddSweepWorker();
            siloBuilder.Services.AddSingleton<HeldBatches>();
            siloBuilder.Services.AddSingleton<IBatchStartHook>(s => s.GetRequiredService<HeldBatches>());
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddSweepClient();
    }
}
