using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using VirtLang.Sweeps.Orleans;

namespace VirtLang.Cli.Commands;

/// <summary>
/// <c>vdl worker --cluster redis://HOST:PORT</c>: hosts an Orleans silo that joins the sweep cluster kept in that Redis
/// server and runs the replications <c>vdl sweep --cluster</c> sends it, until Ctrl-C or SIGTERM, when it leaves the
/// cluster cleanly (exit 0). 2 when the cluster value is wrong, Redis cannot be reached, or a port is taken
/// (docs/sweeps.md, "On several machines").
/// </summary>
internal static class WorkerCommand
{
    /// <summary>How long a worker may take to join before it gives up (docs/limits.md).</summary>
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a worker may take to leave the cluster after Ctrl-C or SIGTERM.</summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(20);

    public static Command Create(CliContext context)
    {
        var cluster = ClusterOptions.Cluster("The Redis server that keeps the cluster's membership: redis://HOST:PORT", required: true);
        var port = ClusterOptions.Port("--port", $"The port other workers reach this one at (default {SweepClusterSettings.DefaultSiloPort})");
        var gatewayPort = ClusterOptions.Port("--gateway-port", $"The port sweeps connect to (default {SweepClusterSettings.DefaultGatewayPort})");
        var address = new Option<IPAddress?>("--address")
        {
            Description = "The address other workers and sweeps reach this one at (default: 127.0.0.1 when Redis is on this machine's loopback, else this machine's address)",
            CustomParser = ParseAddress,
        };
        var command = new Command("worker", "Host a worker that runs sweep replications for `vdl sweep --cluster` (an Orleans silo)") { cluster, port, gatewayPort, address };
        command.SetAction(result => Run(context, result.GetValue(cluster)!, result.GetValue(port) ?? SweepClusterSettings.DefaultSiloPort,
            result.GetValue(gatewayPort) ?? SweepClusterSettings.DefaultGatewayPort, result.GetValue(address)));
        return command;
    }

    private static IPAddress? ParseAddress(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (IPAddress.TryParse(text, out var parsed) && !parsed.Equals(IPAddress.Any) && !parsed.Equals(IPAddress.IPv6Any))
        {
            return parsed;
        }

        result.AddError($"--address takes this machine's IP address as others reach it, not `{Rendering.TerminalText.Sanitize(text)}`");
        return null;
    }

    private static int Run(CliContext context, SweepClusterAddress cluster, int siloPort, int gatewayPort, IPAddress? address)
    {
        if (siloPort == gatewayPort)
        {
            context.Error.WriteLine($"vdl: error: --port and --gateway-port must differ (both are {siloPort})");
            return ExitCodes.UsageOrIo;
        }

        var advertised = address ?? DefaultAddress(cluster);
        using var leave = new CancellationTokenSource();
        // Ctrl-C and SIGTERM ask the worker to leave; the handler keeps the runtime from ending the process first.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        SweepWorker worker;
        try
        {
            using var joining = CancellationTokenSource.CreateLinkedTokenSource(leave.Token);
            joining.CancelAfter(JoinTimeout);
            worker = SweepWorker.StartAsync(cluster, advertised, siloPort, gatewayPort, context.Error, joining.Token).GetAwaiter().GetResult();
        }
        catch (SweepClusterException e)
        {
            context.Error.WriteLine($"vdl: error: {Rendering.TerminalText.Sanitize(e.Message)}");
            return ExitCodes.UsageOrIo;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine(leave.IsCancellationRequested
                ? "vdl: the worker stopped before it joined the cluster"
                : $"vdl: error: the worker could not join the cluster at {cluster} within {(int)JoinTimeout.TotalSeconds} s");
            return leave.IsCancellationRequested ? ExitCodes.Success : ExitCodes.UsageOrIo;
        }

        context.Out.WriteLine($"vdl worker: joined the sweep cluster `{SweepClusterSettings.ClusterId}` at {cluster} as {worker.SiloEndpoint} (sweeps connect to {worker.GatewayEndpoint}); Ctrl-C to leave");
        context.Out.Flush();
        try
        {
            leave.Token.WaitHandle.WaitOne();
            using var leaving = new CancellationTokenSource(LeaveTimeout);
            worker.StopAsync(leaving.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine($"vdl: the worker did not leave the cluster within {(int)LeaveTimeout.TotalSeconds} s; the others will notice it is gone");
        }
        finally
        {
            worker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        context.Out.WriteLine("vdl worker: left the cluster");
        return ExitCodes.Success;

        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            leave.Cancel();
        }
    }

    /// <summary>
    /// Loopback when Redis is on this machine's loopback (a cluster on one machine), else the address other machines
    /// reach this one at: the first of the host name's addresses that is not loopback, IPv4 first.
    /// </summary>
    private static IPAddress DefaultAddress(SweepClusterAddress cluster)
    {
        if (cluster.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(cluster.Host, out var redis) && IPAddress.IsLoopback(redis)))
        {
            return IPAddress.Loopback;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(Dns.GetHostName());
            return addresses.Where(a => !IPAddress.IsLoopback(a)).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
                ?? IPAddress.Loopback;
        }
        catch (SocketException)
        {
            return IPAddress.Loopback;
        }
    }
}
