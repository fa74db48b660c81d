using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace VirtLang.Sweeps.Orleans;

/// <summary>The settings a silo and a client of a sweep cluster share, applied in one place so they cannot drift.</summary>
public static class SweepClusterConfiguration
{
    /// <summary>
    /// A worker silo's services and options: the compiled-model cache, one replication per core, the message size limit, and failure detection
    /// quick enough that a sweep does not wait half a minute on a dead worker (docs/limits.md).
    /// </summary>
    public static ISiloBuilder AddSweepWorker(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<CompiledModelCache>();
        silo.Services.AddSingleton<WorkerCores>();
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.MaxMessageBodySize = SweepClusterSettings.MaxMessageBodyBytes;
            o.ResponseTimeout = SweepClusterSettings.BatchResponseTimeout;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
        return silo;
    }

    /// <summary>A sweep client's options: the same message size limit as the workers, and a batch's response timeout.</summary>
    public static IClientBuilder AddSweepClient(this IClientBuilder client)
    {
        client.Configure<ClientMessagingOptions>(o =>
        {
            o.MaxMessageBodySize = SweepClusterSettings.MaxMessageBodyBytes;
            o.ResponseTimeout = SweepClusterSettings.BatchResponseTimeout;
        });
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        return client;
    }

    /// <summary>
    /// Redis clustering on <paramref name="address"/> under the fixed cluster and service ids, failing after
    /// <see cref="SweepClusterSettings.RedisConnectTimeout"/> when Redis does not answer.
    /// </summary>
    public static ISiloBuilder UseSweepRedis(this ISiloBuilder silo, SweepClusterAddress address) =>
        silo.Configure<ClusterOptions>(SetIds).UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(address));

    /// <inheritdoc cref="UseSweepRedis(ISiloBuilder, SweepClusterAddress)"/>
    public static IClientBuilder UseSweepRedis(this IClientBuilder client, SweepClusterAddress address) =>
        client.Configure<ClusterOptions>(SetIds).UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(address));

    private static void SetIds(ClusterOptions options)
    {
        options.ClusterId = SweepClusterSettings.ClusterId;
        options.ServiceId = SweepClusterSettings.ServiceId;
    }

    private static ConfigurationOptions RedisOptions(SweepClusterAddress address)
    {
        var options = new ConfigurationOptions
        {
            ConnectTimeout = (int)SweepClusterSettings.RedisConnectTimeout.TotalMilliseconds,
            SyncTimeout = (int)SweepClusterSettings.RedisConnectTimeout.TotalMilliseconds,
            AsyncTimeout = (int)SweepClusterSettings.RedisConnectTimeout.TotalMilliseconds,
            ConnectRetry = 1,
            AbortOnConnectFail = true,
        };
        options.EndPoints.Add(address.Endpoint);
        return options;
    }
}
