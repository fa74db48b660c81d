using VirtLang.Cli.Rendering;
using VirtLang.Sweeps;
using VirtLang.Sweeps.Orleans;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl sweep --cluster</c>'s part: connect to the workers through Redis (bounded waits, docs/limits.md), run the
/// replications there with <see cref="OrleansSweepExecutor"/>, and turn what can go wrong into one line and an exit
/// code: 2 when Redis or the workers cannot be reached or every attempt at a batch failed; the model's own problems
/// as a local sweep reports them.
/// </summary>
internal static class ClusterSweep
{
    /// <summary>Why the sweep did not finish: an exit code, or the model's refusal for the caller to report.</summary>
    public sealed record Failure(int? ExitCode, SweepModelException? Refusal);

    /// <returns>null when every replication was added to <paramref name="aggregator"/>.</returns>
    public static Failure? Run(CliContext context, TextWriter people, SweepClusterAddress cluster, SweepRequest request, SweepAggregator aggregator)
    {
        people.WriteLine($"Connecting to the workers of the cluster at {cluster}...");
        try
        {
            var client = SweepClusterClient.ConnectAsync(cluster, context.Error, null, CancellationToken.None).GetAwaiter().GetResult();
            try
            {
                var executor = client.CreateExecutor();
                using var progress = ReplicationProgressLine.Start(context, request.Runs);
                progress.Report(0);
                try
                {
                    executor.RunAsync(request, [.. Enumerable.Range(0, request.Runs)], summary => aggregator.Add(summary), progress, CancellationToken.None)
                        .GetAwaiter().GetResult();
                }
                finally
                {
                    progress.Clear();
                }

                if (executor.Retries > 0)
                {
                    people.WriteLine($"{executor.Retries} batch{(executor.Retries == 1 ? " was" : "es were")} sent again after a worker failed to answer.");
                }

                return null;
            }
            finally
            {
                client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (SweepClusterException e)
        {
            context.Error.WriteLine($"vdl: error: {TerminalText.Sanitize(e.Message)}");
            return new Failure(ExitCodes.UsageOrIo, null);
        }
        catch (SweepModelException e)
        {
            return new Failure(null, e);
        }
    }
}
