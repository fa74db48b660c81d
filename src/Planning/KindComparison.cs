using System.Text;
using VirtLang.Compiler;
using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.Runtime.Model;

namespace VirtLang.Planning;

/// <summary>
/// <c>vdl plan --compare</c>: the same plan with every pool under each hypervisor kind its pools can run (none, os_level
/// and hosted need the pool's host OS; bare_metal gets the drivers of the hardware's devices), each planned as
/// <c>vdl plan</c> plans it: the story's comparison computed, not written.
/// </summary>
public static class KindComparison
{
    private static readonly HypervisorKind[] Kinds = [HypervisorKind.None, HypervisorKind.OsLevel, HypervisorKind.Hosted, HypervisorKind.BareMetal];

    /// <summary>One row per kind the pools allow: the kind, and its plan or the first reason there is none.</summary>
    public static IReadOnlyList<(string Kind, PlanResult? Result, string? Why)> Compare(ModelCompilation compilation, PlanSymbol plan, PlanOptions options) =>
        [.. Plans(compilation, plan, options, writePlaced: false).Select(r => (r.Kind, r.Result, r.Why))];

    /// <summary>
    /// The rows of <see cref="Compare"/> with each plan's placed model written (as <c>vdl plan</c> writes it, checked),
    /// so that it can be simulated: examples/README.md's side-by-side.
    /// </summary>
    public static IReadOnlyList<KindPlan> ComparePlaced(ModelCompilation compilation, PlanSymbol plan, PlanOptions options) =>
        Plans(compilation, plan, options, writePlaced: true);

    private static List<KindPlan> Plans(ModelCompilation compilation, PlanSymbol plan, PlanOptions options, bool writePlaced)
    {
        var rows = new List<KindPlan>();
        var file = plan.File;
        foreach (var kind in Kinds)
        {
            if (kind != HypervisorKind.BareMetal && plan.Pools.Any(p => p.Machine.Os is null))
            {
                continue; // a pool without a host OS runs only bare metal
            }

            var text = Rewrite(file.Tree.Text, plan.Pools.Where(p => ReferenceEquals(p.File.Tree, file.Tree)), kind);
            var variant = ModelCompilation.Create([SourceText.From(text, file.Path)]);
            var name = ModelNames.ToName(kind);
            if (variant.HasErrors || variant.SemanticModel.Plans.FirstOrDefault(p => p.Name == plan.Name) is not { } variantPlan)
            {
                rows.Add(new KindPlan(name, null, variant.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? "the plan is gone", null));
                continue;
            }

            var diagnostics = new List<Diagnostic>();
            var result = Planner.Plan(variant.SemanticModel, variantPlan, options, diagnostics);
            var placed = result is not null && writePlaced ? PlacedModelWriter.Write(variant, result, diagnostics) : null;
            if (result is not null && writePlaced && placed is null)
            {
                result = null; // the placed model did not check (VDL7007): no row to simulate
            }

            rows.Add(new KindPlan(name, result, result is null ? diagnostics.FirstOrDefault()?.Message : null, placed));
        }

        return rows;
    }

    /// <summary>The file with each pool's hypervisor block replaced by one of <paramref name="kind"/>.</summary>
    private static string Rewrite(SourceText source, IEnumerable<PoolSymbol> pools, HypervisorKind kind)
    {
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var pool in pools)
        {
            var block = pool.Syntax;
            var replacement = kind == HypervisorKind.None ? string.Empty : Hypervisor(pool, kind);
            if (block.Blocks.FirstOrDefault(b => b.KindName == "hypervisor") is { } hypervisor)
            {
                edits.Add((hypervisor.Span.Start, hypervisor.Span.End, replacement));
            }
            else if (!block.OpenBrace.IsMissing)
            {
                edits.Add((block.OpenBrace.Span.End, block.OpenBrace.Span.End, "\n" + replacement + "\n"));
            }
        }

        var text = new StringBuilder(source.Text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start))
        {
            text.Remove(start, end - start).Insert(start, replacement);
        }

        return text.ToString();
    }

    private static string Hypervisor(PoolSymbol pool, HypervisorKind kind)
    {
        var drivers = kind == HypervisorKind.BareMetal
            ? pool.Machine.Disks.Concat(pool.Machine.Nics).Select(d => d.Driver).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [];
        var list = drivers.Count == 0 ? string.Empty : $"\n  drivers = [{string.Join(", ", drivers.Select(d => $"\"{d}\""))}]";
        return $"hypervisor {{\n  kind = {ModelNames.ToName(kind)}{list}\n}}";
    }
}
