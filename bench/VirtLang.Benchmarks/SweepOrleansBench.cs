using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VirtLang.Sweeps;
using VirtLang.Sweeps.Orleans;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>sweep-orleans</c>: the Orleans path's overhead against a local sweep on one machine. The same replications of
/// <see cref="SweepBench"/>'s 30-day datacenter scenario run on every core by <see cref="LocalSweepExecutor"/>, and
/// through <see cref="OrleansSweepExecutor"/> on one silo of this process reached by a client over loopback TCP (the
/// messages are serialized and sent as between machines). Both warm (the model compiled once beforehand on each
/// side: the steady state of a long sweep); each timed three times, alternating, the best kept. The goal is an
/// overhead under 10 %; both must give the same aggregate bytes. <c>--quick</c>: fewer replications.
/// </summary>
public static class SweepOrleansBench
{
    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var model = SweepBench.MonthModel();
        var runs = quick ? 8 : 32;
        var cores = Environment.ProcessorCount;
        var runner = ReplicationRunner.Create(model, "bench-month", null);
        var request = new SweepRequest(model, "bench-month", null, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep-orleans: examples/datacenter.vdl, 30 days at 1-minute steps, {runs} replications, {cores} cores, one silo over loopback"));

        var siloPort = FreePort();
        var gatewayPort = FreePort();
        using var silo = Build(b => b.UseOrleans(s => s.UseLocalhostClustering(siloPort, gatewayPort).AddSweepWorker()));
        silo.Start();
        using var client = Build(b => b.UseOrleansClient(c => c.UseLocalhostClustering(gatewayPort).AddSweepClient()));
        client.Start();
        var grains = client.Services.GetRequiredService<IClusterClient>();

        // Warm both: the silo compiles the model on its first batch, the local runner is compiled above.
        var orleans = new OrleansSweepExecutor(grains);
        Time(orleans, request with { Runs = cores }, runner);
        Time(new LocalSweepExecutor(cores), request with { Runs = cores }, runner);

        double bestLocal = double.MaxValue, bestOrleans = double.MaxValue;
        byte[] localBytes = [], orleansBytes = [];
        for (var round = 0; round < 3; round++)
        {
            var (l, lb) = Time(new LocalSweepExecutor(cores), request, runner);
            var (o, ob) = Time(orleans, request, runner);
            (bestLocal, localBytes) = l < bestLocal ? (l, lb) : (bestLocal, lb);
            (bestOrleans, orleansBytes) = o < bestOrleans ? (o, ob) : (bestOrleans, ob);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: local {l,6:F2} s, Orleans {o,6:F2} s"));
        }

        var same = localBytes.AsSpan().SequenceEqual(orleansBytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  local  : {bestLocal,6:F2} s, {runs / bestLocal,6:F2} replications/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Orleans: {bestOrleans,6:F2} s, {runs / bestOrleans,6:F2} replications/s, overhead {(bestOrleans / bestLocal - 1) * 100:F1} %"));
        Console.WriteLine($"  same aggregate bytes: {same}");
        client.StopAsync().GetAwaiter().GetResult();
        silo.StopAsync().GetAwaiter().GetResult();
        return same ? 0 : 1;
    }

    private static IHost Build(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        configure(builder);
        return builder.Build();
    }

    private static (double Seconds, byte[] Json) Time(ISweepExecutor executor, SweepRequest request, ReplicationRunner runner)
    {
        var aggregator = new SweepAggregator(SweepDescription.Of(request, runner));
        var watch = Stopwatch.StartNew();
        var indices = Enumerable.Range(0, request.Runs).ToArray();
        var running = executor is LocalSweepExecutor local
            ? local.RunAsync(runner, indices, s => aggregator.Add(s), null, CancellationToken.None)
            : executor.RunAsync(request, indices, s => aggregator.Add(s), null, CancellationToken.None);
        running.GetAwaiter().GetResult();
        return (watch.Elapsed.TotalSeconds, SweepJsonWriter.ToBytes(aggregator.Finish(runner.ExpectationStatements)));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
