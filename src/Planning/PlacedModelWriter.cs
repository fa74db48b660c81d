using System.Globalization;
using System.Text;
using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Formatting;
using VirtLang.Language.Syntax;
using VirtLang.Language.Text;
using VirtLang.Runtime.Model;

namespace VirtLang.Planning;

/// <summary>
/// The placed model: the plan's file with the hosts it replaces taken out (those that ran the planned applications)
/// and the placed machines added at the end, then laid out by the formatter, so comments and everything else of the
/// input stay as written. Checked with the same checker as <c>vdl check</c> before anyone sees it.
/// </summary>
public static class PlacedModelWriter
{
    /// <summary>The placed model's text, or null with the diagnostics that say why it cannot be written.</summary>
    public static string? Write(ModelCompilation compilation, PlanResult result, List<Diagnostic> diagnostics) =>
        Write(compilation.SemanticModel, result, diagnostics, out _);

    /// <summary>As <see cref="Write(ModelCompilation, PlanResult, List{Diagnostic})"/>, with the placed model's compilation the check made.</summary>
    internal static string? Write(SemanticModel model, PlanResult result, List<Diagnostic> diagnostics, out ModelCompilation? check)
    {
        check = null;
        var plan = result.Plan;
        var file = plan.File;
        var planned = plan.Applications.ToHashSet();
        var replaced = new List<HostSymbol>();
        foreach (var host in model.Hosts)
        {
            var runs = host.Runs.Concat(host.Guests.SelectMany(g => g.Runs)).Distinct().ToList();
            if (runs.Count == 0 || !runs.Any(planned.Contains))
            {
                continue;
            }

            if (runs.FirstOrDefault(a => !planned.Contains(a)) is { } other)
            {
                diagnostics.Add(new Diagnostic(PlanningDiagnostics.HostRunsUnplannedApplication, host.Declaration, [host.Name, runs.First(planned.Contains).Name, plan.Name, other.Name]));
            }
            else if (!ReferenceEquals(host.File.Tree, file.Tree))
            {
                diagnostics.Add(new Diagnostic(PlanningDiagnostics.NoPlan, host.Declaration,
                    [$"host `{host.Name}` runs applications plan `{plan.Name}` places, but it is declared in {Path.GetFileName(host.File.Path)}, not in the plan's file: vdl plan rewrites only the plan's file; move the host there"]));
            }
            else
            {
                replaced.Add(host);
            }
        }

        var freed = replaced.SelectMany(h => h.Guests.Select(g => g.Name).Append(h.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in result.Hosts.Select(h => (Kind: "host", h.Name)).Concat(result.Hosts.Where(h => h.Pool.Machine.HypervisorKind != HypervisorKind.None)
                     .SelectMany(h => h.Instances.Select(i => (Kind: "guest", Name: GuestName(i)))))
                     .Concat(result.Hosts.Where(h => h.Pool.Machine.HypervisorKind == HypervisorKind.Paravirtual).Select(h => (Kind: "guest", Name: PrivilegedGuestName(h)))))
        {
            // Resolve reads NAME-k as a copy of NAME: only a declared name or a copy that a host or guest makes is taken.
            if (!freed.Contains(name.Name) && model.Resolve(name.Name) is { } taken && (taken.Name == name.Name || taken is HostSymbol or GuestSymbol))
            {
                diagnostics.Add(new Diagnostic(PlanningDiagnostics.NameTaken, plan.Declaration, [plan.Name, name.Kind, name.Name]));
            }
        }

        var edits = replaced.Select(h => (h.Syntax.Span.Start, h.Syntax.Span.End, Text: string.Empty)).ToList();
        foreach (var cluster in result.Hosts.Select(h => h.Pool.Cluster).OfType<ClusterSymbol>().Distinct())
        {
            if (!ReferenceEquals(cluster.File.Tree, file.Tree))
            {
                diagnostics.Add(new Diagnostic(PlanningDiagnostics.NoPlan, cluster.Declaration,
                    [$"the placed hosts join cluster `{cluster.Name}`, which is declared in {Path.GetFileName(cluster.File.Path)}, not in the plan's file: vdl plan rewrites only the plan's file; move the cluster there"]));
                continue;
            }

            edits.Add(ClusterHostsEdit(cluster, [.. result.Hosts.Where(h => ReferenceEquals(h.Pool.Cluster, cluster)).Select(h => h.Name)]));
        }

        if (diagnostics.Count > 0)
        {
            return null;
        }

        var source = file.Tree.Text;
        var text = new StringBuilder();
        var at = 0;
        foreach (var (start, end, insert) in edits.OrderBy(e => e.Start))
        {
            text.Append(source.Text, at, start - at).Append(insert);
            at = end;
        }

        text.Append(source.Text, at, source.Length - at);
        var newline = source.DominantLineBreak;
        text.Append(newline).Append(newline).Append(Header(result)).Append(newline);
        foreach (var host in result.Hosts)
        {
            AppendHost(text, host, newline);
        }

        var tree = SyntaxTree.Parse(SourceText.From(text.ToString(), file.Path));
        var formatted = Formatter.Format(tree);
        if (formatted is null)
        {
            diagnostics.Add(new Diagnostic(PlanningDiagnostics.PlacedModelDoesNotCheck, plan.Declaration, [plan.Name, "its text does not parse"]));
            return null;
        }

        // The placed model stands where the plan's file stood, so that its imports resolve as they did.
        check = ModelCompilation.Create([SourceText.From(formatted, file.Path)]);
        var errors = check.Diagnostics.Where(d => d.IsError).Take(3).ToList();
        // A cluster or a scenario that names a replaced host: the user's to change, not a bug of the planner.
        var dangling = check.Diagnostics.FirstOrDefault(d => d.Code == CompilerDiagnostics.UnknownReference.Code && freed.Any(n => d.Message.StartsWith($"`{n}`", StringComparison.Ordinal)));
        if (dangling is not null)
        {
            var line = dangling.Location.Start.Line;
            diagnostics.Add(new Diagnostic(PlanningDiagnostics.NoPlan, plan.Declaration,
                [$"the model still names a host plan `{plan.Name}` replaces ({dangling.Message.Split(' ')[0]}, line {line}): take it out of its cluster or scenario, or leave its applications out of the plan"]));
            return null;
        }

        if (errors.Count > 0)
        {
            diagnostics.Add(new Diagnostic(PlanningDiagnostics.PlacedModelDoesNotCheck, plan.Declaration,
                [plan.Name, string.Join("; ", errors.Select(e => $"{e.Code} {e.Message}"))]));
            return null;
        }

        return formatted;
    }

    /// <summary>
    /// The placed hosts of a cluster's pools join it: appended to its <c>hosts</c> list after the hosts written there,
    /// or a <c>hosts</c> list of their own when it has none (the formatter lays either out).
    /// </summary>
    private static (int Start, int End, string Text) ClusterHostsEdit(ClusterSymbol cluster, IReadOnlyList<string> names)
    {
        var block = cluster.Syntax;
        var joined = string.Join(", ", names);
        if (block.Attributes.FirstOrDefault(a => a.Name.Text == "hosts")?.Value is ListExpressionSyntax list)
        {
            // After the last host, with a comma unless the list already ends with one.
            var comma = list.Elements.Count > list.Elements.SeparatorCount ? ", " : list.Elements.Count > 0 ? " " : string.Empty;
            var at = list.CloseBracket.Span.Start;
            return (at, at, comma + joined);
        }

        var open = block.OpenBrace.Span.End;
        return (open, open, $" hosts = [{joined}] ");
    }

    /// <summary>A placed machine: its pool's name and its number in the pool, from 1 (POOL-1..N).</summary>
    public static string HostName(PoolSymbol pool, int ordinal) => $"{pool.Name}-{ordinal}";

    /// <summary>The guest of an instance: the application's name and the replica's number.</summary>
    public static string GuestName(PlacedInstance instance) => $"{instance.App.Name}-{instance.Replica}";

    /// <summary>The privileged guest of a placed paravirtual machine: HOST-dom0.</summary>
    public static string PrivilegedGuestName(PlacedHost host) => $"{host.Name}-dom0";

    private static string Header(PlanResult result) => string.Create(CultureInfo.InvariantCulture,
        $"// Placed by `vdl plan` (plan {result.Plan.Name}): {result.Hosts.Count} hosts, lower bound {result.LowerBound}, {result.Status.ToString().ToLowerInvariant()}.");

    private static void AppendHost(StringBuilder text, PlacedHost host, string newline)
    {
        var pool = host.Pool;
        var machine = pool.Machine;
        var kind = machine.HypervisorKind;
        text.Append(CultureInfo.InvariantCulture, $"host {host.Name} : {pool.Hardware!.Name} {{").Append(newline);
        if (kind is not (HypervisorKind.BareMetal or HypervisorKind.Paravirtual))
        {
            if (machine.Os is { } os)
            {
                text.Append(CultureInfo.InvariantCulture, $"os = {os.Name}").Append(newline);
            }

            if (machine.Patch is { } patch)
            {
                text.Append(CultureInfo.InvariantCulture, $"patch = \"{patch}\"").Append(newline);
            }
        }

        if (pool.Site is { } site)
        {
            text.Append(CultureInfo.InvariantCulture, $"site = {site.Name}").Append(newline);
        }

        if (pool.Syntax.Blocks.FirstOrDefault(b => b.KindName == "hypervisor") is { } hypervisor)
        {
            text.Append(pool.File.Tree.Text.ToString(hypervisor.Span)).Append(newline);
        }

        switch (kind)
        {
            case HypervisorKind.None:
                text.Append("runs = [").Append(string.Join(", ", host.Instances.Select(i => i.App.Name))).Append(']').Append(newline);
                break;
            case HypervisorKind.OsLevel:
                foreach (var instance in host.Instances)
                {
                    // A container without burst gets at most its share of the host: burst lets it use the room the plan left,
                    // and shares in its peak's proportion divide a busy host as the plan sized it.
                    text.Append(CultureInfo.InvariantCulture, $"container {GuestName(instance)} {{").Append(newline)
                        .Append(CultureInfo.InvariantCulture, $"cpu_shares = {instance.Shares}").Append(newline)
                        .Append("burst = true").Append(newline)
                        .Append(CultureInfo.InvariantCulture, $"runs = [{instance.App.Name}]").Append(newline).Append('}').Append(newline);
                }

                break;
            default:
                if (kind == HypervisorKind.Paravirtual)
                {
                    // The driver domain the planner reserved room for (PoolMachine): the pool's OS, with the hardware's drivers.
                    text.Append(CultureInfo.InvariantCulture, $"vm {PrivilegedGuestName(host)} {{").Append(newline).Append("privileged = true").Append(newline)
                        .Append(CultureInfo.InvariantCulture, $"os = {machine.Os!.Name}").Append(newline);
                    if (machine.Patch is { } dom0Patch)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"patch = \"{dom0Patch}\"").Append(newline);
                    }

                    text.Append(CultureInfo.InvariantCulture, $"vcpus = {PoolMachine.PrivilegedVcpus}").Append(newline)
                        .Append(CultureInfo.InvariantCulture, $"memory = {Memory(PoolMachine.PrivilegedMemoryBytes)}").Append(newline).Append('}').Append(newline);
                }

                foreach (var instance in host.Instances)
                {
                    text.Append(CultureInfo.InvariantCulture, $"vm {GuestName(instance)} {{").Append(newline);
                    if (instance.GuestOs is { } guestOs)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"os = {guestOs.Name}").Append(newline);
                    }

                    if (instance.GuestPatch is { } guestPatch)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"patch = \"{guestPatch}\"").Append(newline);
                    }

                    text.Append(CultureInfo.InvariantCulture, $"vcpus = {instance.Vcpus}").Append(newline)
                        .Append(CultureInfo.InvariantCulture, $"memory = {Memory(instance.VmMemoryBytes)}").Append(newline)
                        .Append(CultureInfo.InvariantCulture, $"runs = [{instance.App.Name}]").Append(newline).Append('}').Append(newline);
                }

                break;
        }

        text.Append('}').Append(newline).Append(newline);
    }

    private static string Memory(long bytes) => bytes % (1L << 30) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30}GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20}MiB");
}
