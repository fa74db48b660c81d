using System.Diagnostics;
using System.Globalization;
using System.Text;
using VirtLang.Compiler;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Diagnostics;
using VirtLang.Planning;

namespace VirtLang.Benchmarks;

/// <summary>
/// <c>plan-scale</c>: <c>vdl plan</c>'s core on 100, 1,000 and 10,000 applications of mixed profiles (constant, diurnal
/// peaking at random hours, weekly), a fifth with a rule (two replicas spread over hosts, a security zone, isolation
/// vm), on one bare-metal pool of 64-thread machines: hosts against the lower bound and first-fit-decreasing, status,
/// and the time to build, pack and solve; with <c>--objective energy</c> the same under the energy objective, its
/// kilowatt-hours against first-fit-decreasing's.
/// </summary>
public static class PlanScale
{
    /// <param name="args">Optionally the application counts, then <c>--time-limit SECONDS</c> (default 30) and <c>--objective hosts|energy</c> (default hosts).</param>
    public static int Run(string[] args)
    {
        var limit = 30.0;
        var objective = "hosts";
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--time-limit" && i + 1 < args.Length)
            {
                limit = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--objective" && i + 1 < args.Length && args[i + 1] is "hosts" or "energy")
            {
                objective = args[++i];
            }
            else
            {
                sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            }
        }

        if (sizes.Count == 0)
        {
            sizes = [100, 1_000, 10_000];
        }

        var byEnergy = objective == "energy";
        Console.WriteLine("apps    instances  hosts  bound  gap     ffd    status     seconds" + (byEnergy ? "  kWh      ffd kWh" : string.Empty));
        foreach (var apps in sizes)
        {
            var text = Model(apps, objective);
            var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["plan.vdl"] = text });
            provider.TryRead("plan.vdl", out var source, out _);
            var compilation = ModelCompilation.Create([source!], provider);
            var watch = Stopwatch.StartNew();
            var diagnostics = new List<Diagnostic>();
            var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions { TimeLimit = TimeSpan.FromSeconds(limit) }, diagnostics);
            watch.Stop();
            if (result is null)
            {
                Console.WriteLine($"{apps}: no plan: {string.Join("; ", diagnostics.Select(d => d.Message))}");
                return 1;
            }

            // Under energy, first-fit-decreasing's own plan (the solver off) is the baseline of the energy column.
            var ffdEnergy = byEnergy ? Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions { UseSolver = false }, [])!.EnergyKilowattHours : 0;
            var energy = byEnergy ? string.Create(CultureInfo.InvariantCulture, $"  {result.EnergyKilowattHours,-8:F1} {ffdEnergy:F1}") : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{apps,-7:N0} {result.Hosts.Sum(h => h.Instances.Count),9:N0} {result.Hosts.Count,6} {result.LowerBound,6} {result.Gap,6:P1} {result.FirstFitHosts,6} {result.Status.ToString().ToLowerInvariant(),-10} {watch.Elapsed.TotalSeconds,7:F1}{energy}{(result.ClockStopped ? " (stopped by the clock)" : string.Empty)}"));
        }

        return 0;
    }

    private static string Model(int apps, string objective)
    {
        var random = new Random(apps);
        var text = new StringBuilder();
        text.AppendLine("os linux {\n  family = linux\n}\n");
        text.AppendLine("hardware box {\n  cpu {\n    sockets = 2\n    cores   = 16\n    threads = 2\n  }\n  memory = 384GiB\n}\n");
        for (var a = 0; a < apps; a++)
        {
            var rule = random.Next(5) != 0 ? string.Empty : random.Next(3) switch
            {
                0 => "  replicas = 2\n  spread   = host\n",
                1 => "  zone = dmz\n",
                _ => "  isolation = vm\n",
            };
            var profile = random.Next(3) switch
            {
                0 => $"constant({10 + random.Next(50)}%)",
                1 => $"diurnal(peak = {40 + random.Next(60)}%, base = {5 + random.Next(15)}%, peak_at = {random.Next(24)}h)",
                _ => $"weekly(weekday = {30 + random.Next(60)}%, weekend = {5 + random.Next(15)}%)",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"app a{a} {{\n{rule}  demand {{\n    cpu     = {1 + random.Next(4)}\n    memory  = {1 + random.Next(15)}GiB\n    profile = {profile}\n  }}\n}}\n");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"pool rack {{\n  hardware = box\n  count    = {apps}\n  os       = linux\n  hypervisor {{\n    kind = bare_metal\n  }}\n}}\n");
        text.AppendLine(CultureInfo.InvariantCulture, $"plan p {{\n  target    = 70%\n  objective = {objective}\n}}");
        return text.ToString();
    }
}
