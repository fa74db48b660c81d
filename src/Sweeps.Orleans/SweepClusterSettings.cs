namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// What every worker and every sweep client of a cluster agree on without being told: the cluster and service ids
/// (one Redis server hosts one sweep cluster), and the message size limit (docs/sweeps.md, docs/limits.md).
/// </summary>
public static class SweepClusterSettings
{
    /// <summary>Orleans' cluster id and service id: fixed, so <c>vdl worker</c> and <c>vdl sweep --cluster</c> meet.</summary>
    public const string ClusterId = "virtlang-sweep";

    /// <inheritdoc cref="ClusterId"/>
    public const string ServiceId = "virtlang-sweep";

    /// <summary>Orleans' default silo-to-silo port, used by <c>vdl worker</c> without <c>--port</c>.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>Orleans' default gateway port (where sweep clients connect), used without <c>--gateway-port</c>.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>
    /// The largest bundle a batch carries: every .vdl byte and every trace byte a bundle may hold
    /// (<see cref="ModelBundle.MaxModelBytes"/> + <see cref="ModelBundle.MaxTraceBytes"/>, 128 MiB) and 16 MiB for
    /// paths and framing. A bundle past it (only one of thousands of files with very long paths could be) is refused
    /// before anything is sent.
    /// </summary>
    public const int MaxBundleBytes = (int)(ModelBundle.MaxModelBytes + ModelBundle.MaxTraceBytes) + 16 * 1024 * 1024;

    /// <summary>
    /// Orleans' largest message body, for workers and clients: a batch (the bundle and a few indices) or a reply (at
    /// most <see cref="OrleansSweepOptions.MaxBatchSize"/> summaries) with room to spare. Orleans' default (100 MB)
    /// would refuse a bundle near its limit.
    /// </summary>
    public const int MaxMessageBodyBytes = MaxBundleBytes + 32 * 1024 * 1024;

    /// <summary>
    /// How long one batch may take to come back before it is sent elsewhere. A batch is a few replications
    /// (<see cref="OrleansSweepOptions.BatchSizeFor"/>); a worker that died is normally noticed far sooner, by its
    /// closed connection or the cluster's probes.
    /// </summary>
    public static readonly TimeSpan BatchResponseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long a Redis connection attempt may take before a worker or a sweep gives up on the server.</summary>
    public static readonly TimeSpan RedisConnectTimeout = TimeSpan.FromSeconds(5);
}
