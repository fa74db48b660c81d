namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>
/// The real thing on one machine: redis-server on a free port of 127.0.0.1, two <c>vdl worker</c> processes, and
/// <c>vdl sweep --cluster</c>; one worker is killed while it holds replications, and the aggregate is still the local
/// one byte for byte.
/// </summary>
public sealed class ClusterEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory folder = new("vdl-cluster-");

    [RedisFact]
    public async Task Two_workers_one_killed_mid_sweep_give_the_local_aggregate_and_the_other_leaves_cleanly()
    {
        using var redis = RedisServer.Start();
        var model = SweepModels.DatacenterPath;
        var local = VdlProcess.Run(folder.Path, Cache("local"), "sweep", model, "--runs", "120", "--json", "local.json");
        Assert.True(local.ExitCode == 0, local.ToString());

        using var first = await StartWorkerAsync(redis, "first");
        using var second = await StartWorkerAsync(redis, "second");
        var sweeping = Task.Run(() => VdlProcess.Run(folder.Path, Cache("sweep"), "sweep", model, "--runs", "120", "--cluster", redis.Cluster, "--json", "cluster.json"));

        // The first worker has the model compiled (its own cache holds it) once its first batches arrived; with a
        // hundred and twenty batches of one and sixty-four in flight, it holds dozens of them then.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!Directory.Exists(Cache("first")) || Directory.GetFiles(Cache("first"), "*", SearchOption.AllDirectories).Length == 0)
        {
            Assert.False(sweeping.IsCompleted, $"the sweep ended before the first worker compiled anything: {(sweeping.IsCompleted ? sweeping.Result.ToString() : "")}");
            Assert.True(DateTime.UtcNow < deadline, "the first worker never compiled the model");
            await Task.Delay(100);
        }

        first.Kill();
        var swept = await sweeping;

        Assert.True(swept.ExitCode == 0, $"{swept}\nworker: {second.Output}{second.Error}");
        Assert.Contains("sent again", swept.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder.Path, "local.json")), File.ReadAllBytes(Path.Combine(folder.Path, "cluster.json")));
        Assert.Equal(0, second.Terminate());
        Assert.Contains("left the cluster", second.Output, StringComparison.Ordinal);
    }

    [RedisFact]
    public void A_sweep_with_no_worker_fails_in_words_within_its_bound()
    {
        using var redis = RedisServer.Start();

        var result = VdlProcess.Run(folder.Path, Cache("sweep"), "sweep", SweepModels.HostedPath, "--runs", "4", "--cluster", redis.Cluster);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"no worker of the cluster at {redis.Cluster} could be reached", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_redis_is_an_error_in_words_for_a_sweep_and_for_a_worker()
    {
        var nobody = $"redis://127.0.0.1:{RedisServer.FreePort()}";

        var sweep = VdlProcess.Run(folder.Path, Cache("sweep"), "sweep", SweepModels.HostedPath, "--runs", "4", "--cluster", nobody);
        var worker = VdlProcess.Run(folder.Path, Cache("worker"), "worker", "--cluster", nobody, "--port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

        foreach (var result in new[] { sweep, worker })
        {
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains($"cannot reach Redis at {nobody}", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sweep", "127.0.0.1:6379", "--cluster takes redis://HOST:PORT")]
    [InlineData("sweep", "redis://127.0.0.1", "has no port")]
    [InlineData("worker", "http://127.0.0.1:6379", "--cluster takes redis://HOST:PORT")]
    [InlineData("worker", "redis://127.0.0.1:99999", "from 1 to 65535")]
    public void A_bad_cluster_value_is_a_usage_error(string verb, string cluster, string expected)
    {
        string[] args = verb == "sweep" ? ["sweep", SweepModels.HostedPath, "--runs", "4", "--cluster", cluster] : ["worker", "--cluster", cluster];

        var result = VdlProcess.Run(folder.Path, Cache(verb), args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_needs_a_cluster_and_two_different_ports()
    {
        var none = VdlProcess.Run(folder.Path, Cache("worker"), "worker");
        var same = VdlProcess.Run(folder.Path, Cache("worker"), "worker", "--cluster", "redis://127.0.0.1:6379", "--port", "4000", "--gateway-port", "4000");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--cluster", none.Error, StringComparison.Ordinal);
        Assert.Equal(2, same.ExitCode);
        Assert.Contains("must differ", same.Error, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private string Cache(string name) => Path.Combine(folder.Path, "cache-" + name);

    private Task<VdlProcess> StartWorkerAsync(RedisServer redis, string name) =>
        VdlProcess.StartWorkerAsync(folder.Path, Cache(name), "--cluster", redis.Cluster,
            "--port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", RedisServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
}
