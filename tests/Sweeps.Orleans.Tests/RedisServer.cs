using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>
/// Debian's redis-server, started by a test on a free port of 127.0.0.1 with nothing saved to disk, and stopped (its
/// process killed) when disposed. Tests that need it are skipped without it, except where VDL_REQUIRE_REDIS=1 (CI
/// sets it, and `.ci/run` installs redis-server), where its absence fails.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process process;

    private RedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Cluster => $"redis://127.0.0.1:{Port}";

    public static bool Required => Environment.GetEnvironmentVariable("VDL_REQUIRE_REDIS") == "1";

    public static string? Executable { get; } = Find();

    public static RedisServer Start()
    {
        var executable = Executable ?? throw new InvalidOperationException("redis-server is not installed: `apt-get install redis-server`");
        var port = FreePort();
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!server.Answers())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                server.Dispose();
                throw new InvalidOperationException($"redis-server did not start on port {port}");
            }

            Thread.Sleep(100);
        }

        return server;
    }

    /// <summary>A port nobody listens on now (the kernel's choice for a socket bound to port 0).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private static string? Find()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/sbin", "/usr/local/bin"]);
        return directories.Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);
    }
}
