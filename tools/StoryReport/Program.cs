using System.Globalization;
using System.Text;
using VirtLang.Compiler;
using VirtLang.Compiler.Lowering;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;

// dotnet run --project tools/StoryReport [-- ROOT]: simulates every example's first scenario and rewrites
// examples/README.md with the results. Deterministic: the same examples give the same file.
var root = args.Length > 0 ? args[0] : FindRoot();
var examples = Directory.GetFiles(Path.Combine(root, "examples"), "*.vdl").Order(StringComparer.Ordinal).ToList();
var text = new StringBuilder();
text.Append("""
    # Examples

    Models that tell the virtualization story, each checked clean (`vdl check`) and simulated (`vdl run`). The
    numbers below are **generated** by `dotnet run --project tools/StoryReport` from runs of each example's first
    scenario (its seed, its events); do not edit them by hand. `broken/` holds one model per diagnostic code.

    """);

foreach (var path in examples)
{
    var compilation = ModelCompilation.FromFiles([path]);
    if (compilation.HasErrors)
    {
        Console.Error.WriteLine($"{path} has errors; run `vdl check {path}`");
        return 1;
    }

    var lowered = ModelLowering.Lower(compilation.SemanticModel);
    var scenario = lowered.Scenarios.Count > 0 ? lowered.Scenarios[0] : new VirtLang.Runtime.Scenarios.ScenarioSpec { Name = "baseline" };
    var result = Simulator.Run(lowered.Topology, scenario);
    var name = Path.GetFileName(path);
    var summary = File.ReadLines(path).TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Select(l => l.TrimStart('/').Trim());
    text.Append(CultureInfo.InvariantCulture, $"\n## [{name}]({name})\n\n{string.Join(' ', summary)}\n\n");
    text.Append(CultureInfo.InvariantCulture, $"Scenario `{result.Scenario}`, {VirtLang.Runtime.Kernel.SimTime.Format(result.Duration)}, seed {result.Seed}.\n\n");
    text.Append("| host | hypervisor | mode | mean | p95 | energy |\n|---|---|---|--:|--:|--:|\n");
    foreach (var h in result.Hosts)
    {
        text.Append(CultureInfo.InvariantCulture, $"| {h.Name} | {h.Hypervisor} | {h.Mode} | {Percent(h.MeanUtilization)} | {Percent(h.P95Utilization)} | {h.EnergyKilowattHours:0.0} kWh |\n");
    }

    text.Append("\n| application | instances | demand served | slowdown | availability |\n|---|--:|--:|--:|--:|\n");
    foreach (var a in result.Applications)
    {
        text.Append(CultureInfo.InvariantCulture, $"| {a.Name} | {a.Instances} | {Percent(a.DemandSatisfied)} | {a.MeanSlowdown:0.00}x | {a.Availability * 100:0.000} % |\n");
    }

    var c = result.Consolidation;
    text.Append(CultureInfo.InvariantCulture, $"\nConsolidation: {c.HostsUsed} hosts for {c.OneApplicationPerServerHosts} application instances ({c.Ratio:0.0}x).\n");
    var notable = result.Events.Where(e => e.Kind is "crash" or "fail" or "patch" or "migrate-refused" or "certification-broken").ToList();
    if (notable.Count > 0)
    {
        text.Append('\n');
        foreach (var e in notable)
        {
            text.Append(CultureInfo.InvariantCulture, $"- at {VirtLang.Runtime.Kernel.SimTime.Format(e.Time)}, {e.Kind} `{e.Subject}`: {e.Detail.Replace(root, string.Empty, StringComparison.Ordinal)}\n");
        }
    }
}

var output = Path.Combine(root, "examples", "README.md");
File.WriteAllText(output, text.ToString().ReplaceLineEndings("\n"));
Console.WriteLine($"wrote {output}");
return 0;

static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "VirtLang.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
