using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// What <c>vdl worker</c> hosts: one silo that joins the sweep cluster kept in Redis and runs the batches placed on
/// it. <see cref="StartAsync"/> returns once the silo has joined; <see cref="StopAsync"/> leaves the cluster cleanly
/// (its batches in flight fail over to the other workers).
/// </summary>
public sealed class SweepWorker : IAsyncDisposable
{
    private readonly IHost host;

    private SweepWorker(IHost host, IPEndPoint silo, IPEndPoint gateway)
    {
        this.host = host;
        SiloEndpoint = silo;
        GatewayEndpoint = gateway;
    }

    public IPEndPoint SiloEndpoint { get; }

    public IPEndPoint GatewayEndpoint { get; }

    /// <summary>Starts a silo; <paramref name="advertised"/> is the address other workers and clients reach it at.</summary>
    /// <exception cref="SweepClusterException">Redis could not be reached, or the silo could not join.</exception>
    public static async Task<SweepWorker> StartAsync(SweepClusterAddress cluster, IPAddress advertised, int siloPort, int gatewayPort, TextWriter log, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new OneLineLogProvider(log, LogLevel.Warning));
        // Advice for servers that does not apply to a worker (server GC) and a watchdog that reports the machine's own
        // load as its warning: noise on a worker's terminal.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo => silo
            .UseSweepRedis(cluster)
            .AddSweepWorker()
            .Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = advertised;
                o.SiloPort = siloPort;
                o.GatewayPort = gatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(ListenAddress(advertised), siloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(ListenAddress(advertised), gatewayPort);
            }));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            host.Dispose();
            throw new SweepClusterException(DescribeStartFailure(cluster, e), e);
        }

        return new SweepWorker(host, new IPEndPoint(advertised, siloPort), new IPEndPoint(advertised, gatewayPort));
    }

    /// <summary>A loopback address listens on itself only; any other listens on every interface, as Orleans does.</summary>
    private static IPAddress ListenAddress(IPAddress advertised) => IPAddress.IsLoopback(advertised) ? advertised : IPAddress.Any;

    public Task StopAsync(CancellationToken ct) => host.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }

    /// <summary>A start-up failure in words: most are an unreachable Redis or a port already taken.</summary>
    internal static string DescribeStartFailure(SweepClusterAddress cluster, Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException)
            {
                return $"cannot reach Redis at {cluster} (is redis-server running there, and reachable from here?)";
            }

            if (inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return "a port this worker needs is already in use (choose others with --port and --gateway-port)";
            }
        }

        return $"the worker could not join the cluster at {cluster}: {FirstLine(e.Message)}";
    }

    internal static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
