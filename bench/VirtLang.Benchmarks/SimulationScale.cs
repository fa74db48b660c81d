using System.Diagnostics;
using System.Globalization;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>simulate-scale</c>: the simulator on generated datacenters of 10 guests per host, a mix of every hypervisor
/// kind and profile, one application instance per guest, single-threaded. First the bar (1,000 hosts,
/// 10,000 guests, 7 days at 1-minute steps, under 30 s), then how the time grows with hosts (7 days) and with steps
/// (1,000 hosts). Best of two runs per point.
/// </summary>
public static class SimulationScale
{
    private const long GiB = 1L << 30;

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var watch = Stopwatch.StartNew();
        var bar = Simulator.Run(Datacenter(1_000), Week(7));
        var barSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1,000 hosts, 10,000 guests, 7 days at 1 min: {barSeconds:F2} s, {bar.ProcessedEvents:N0} events, {bar.Steps * 10_000L / barSeconds / 1e6:F1}M guest-steps/s"));

        Console.WriteLine("hosts   guests   days  steps     seconds  us/host-step");
        var hostCounts = quick ? new[] { 250, 500, 1_000 } : new[] { 250, 500, 1_000, 2_000, 4_000 };
        foreach (var hosts in hostCounts)
        {
            Point(hosts, 7);
        }

        foreach (var days in quick ? new[] { 1, 2, 4 } : new[] { 1, 2, 4, 8, 16 })
        {
            Point(1_000, days);
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate-scale: {barSeconds:F2} s for 1,000 hosts x 7 days; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    private static void Point(int hosts, int days)
    {
        var topology = Datacenter(hosts);
        var best = double.MaxValue;
        var steps = 0;
        for (var round = 0; round < 2; round++)
        {
            var watch = Stopwatch.StartNew();
            steps = Simulator.Run(topology, Week(days)).Steps;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{hosts,5:N0} {hosts * 10,8:N0} {days,6} {steps,6:N0} {best,11:F2} {best * 1e6 / ((double)hosts * steps),13:F2}"));
    }

    private static ScenarioSpec Week(int days) => new()
    {
        Name = "scale",
        Duration = days * SimTime.TicksPerDay,
        Seed = 42,
        Events =
        [
            new FailEvent(SimTime.TicksPerDay / 2, "h-3", 2 * SimTime.TicksPerHour),
            new CrashEvent(SimTime.TicksPerDay / 3, "h-5-g-2"),
        ],
    };

    /// <summary>Hosts of 2 x 16 x 2 CPUs and 384 GiB; kinds and profiles rotate so every code path is on the hot loop.</summary>
    public static Topology Datacenter(int hostCount)
    {
        var kinds = new[] { HypervisorKind.BareMetal, HypervisorKind.Paravirtual, HypervisorKind.OsLevel, HypervisorKind.Hosted };
        WorkloadProfile[] profiles = [new DiurnalProfile(0.7, 0.1), new WeeklyProfile(0.8, 0.1), new SpikyProfile(0.1, 0.9), new ConstantProfile(0.3)];
        var apps = Enumerable.Range(0, 40).Select(i => new ApplicationSpec
        {
            Name = $"app-{i}",
            Cpu = 1 + (i % 4),
            MemoryBytes = (2 + (i % 8)) * GiB,
            Io = (IoClass)(i % 3),
            Profile = profiles[i % profiles.Length],
        }).ToArray();

        var hosts = new List<HostSpec>(hostCount);
        for (var h = 0; h < hostCount; h++)
        {
            var kind = kinds[h % kinds.Length];
            var guests = new List<GuestSpec>(10);
            for (var g = 0; g < 10; g++)
            {
                var app = apps[((h * 10) + g) % apps.Length];
                guests.Add(kind == HypervisorKind.OsLevel
                    ? new ContainerSpec { Name = $"h-{h}-g-{g}", CpuShares = 1 + (g % 3), Burst = g % 2 == 0, Runs = [app] }
                    : new VirtualMachineSpec { Name = $"h-{h}-g-{g}", Vcpus = 2 + (g % 4), MemoryBytes = 16 * GiB, Runs = [app] });
            }

            hosts.Add(new HostSpec
            {
                Name = $"h-{h}",
                Cpu = new CpuSpec(2, 16, 2, 2.6, CpuFeatures.Vtx | CpuFeatures.Ept),
                MemoryBytes = 384 * GiB,
                Nics = [new NicSpec("eth0", 25e9, "mlx5")],
                Power = new PowerSpec(110, 450),
                Hypervisor = new HypervisorSpec(kind, kind == HypervisorKind.Hosted ? Acceleration.Software : Acceleration.Hardware),
                Guests = guests,
            });
        }

        return new Topology { Hosts = hosts };
    }
}
