using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// A sweep's connection to the workers (the client side of <c>vdl sweep --cluster</c>): an Orleans client with Redis
/// clustering. <see cref="ConnectAsync"/> waits a bounded time for Redis and for at least one worker, then fails
/// in words rather than hanging or throwing Orleans' own exceptions at a person.
/// </summary>
public sealed class SweepClusterClient : IAsyncDisposable
{
    /// <summary>How long a sweep waits for the first worker to be reachable (docs/limits.md).</summary>
    public static readonly TimeSpan DefaultJoinTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost host;

    private SweepClusterClient(IHost host, IClusterClient client)
    {
        this.host = host;
        Client = client;
    }

    public IClusterClient Client { get; }

    /// <summary>An executor that sends this sweep's batches through the client.</summary>
    public OrleansSweepExecutor CreateExecutor(OrleansSweepOptions? options = null) => new(Client, options);

    /// <exception cref="SweepClusterException">Redis unreachable, or no worker reachable within <paramref name="joinTimeout"/>.</exception>
    public static async Task<SweepClusterClient> ConnectAsync(SweepClusterAddress cluster, TextWriter log, TimeSpan? joinTimeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + (joinTimeout ?? DefaultJoinTimeout);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new OneLineLogProvider(log, LogLevel.Error));
        builder.UseOrleansClient(client => client
            .UseSweepRedis(cluster)
            .AddSweepClient()
            .UseConnectionRetryFilter(async (exception, token) =>
            {
                // No gateway yet (no worker joined, or only dead ones listed): try again until the deadline.
                if (DateTime.UtcNow >= deadline || IsRedisFailure(exception))
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                return true;
            }));
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            host.Dispose();
            var message = IsRedisFailure(e)
                ? $"cannot reach Redis at {cluster} (is redis-server running there, and reachable from here?)"
                : $"no worker of the cluster at {cluster} could be reached within {(int)(joinTimeout ?? DefaultJoinTimeout).TotalSeconds} s (start one with `vdl worker --cluster {cluster}`)";
            throw new SweepClusterException(message, e);
        }

        return new SweepClusterClient(host, host.Services.GetRequiredService<IClusterClient>());
    }

    private static bool IsRedisFailure(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException)
            {
                return true;
            }

            if (inner is AggregateException aggregate && aggregate.InnerExceptions.Any(IsRedisFailure))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or global::Orleans.Runtime.OrleansException)
        {
            // Leaving a cluster whose workers are gone: nothing left to tell them.
        }

        host.Dispose();
    }
}
