using VirtLang.Compiler.Diagnostics;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// Runs every rule family over the bound model, one after the other (running them in parallel was measured: the
/// checker is bound by allocation and the collector, so two threads were no faster on two cores). A family that throws is a bug of ours, not of the model: it becomes one VDL9001 naming the family, at the start of
/// the first file, and the other families still report; what the failed family reported before it threw is kept.
/// </summary>
internal static class RuleRunner
{
    /// <summary>A fresh set of families for each compilation: a family may keep caches, and compilations run at once.</summary>
    public static IReadOnlyList<IRuleFamily> CreateFamilies() =>
        [new ScenarioRules(), new FailureRules(), new HypervisorKindRules(), new ResourceRules(), new PlatformRules(), new PlacementRules(), new AdviceRules(), new HaRules(), new PlanRules()];

    public static void Run(SemanticModel model, IReadOnlyList<ModelFile> files, List<Diagnostic> diagnostics, IReadOnlyList<IRuleFamily>? families = null)
    {
        // Advice about a file that does not parse is noise (a half-typed host is "idle"): it waits for the syntax.
        var parses = files.All(f => !f.Tree.HasErrors);
        var selected = (families ?? CreateFamilies()).Where(f => parses || f is not AdviceRules).ToList();

        // Past the size bound, the families would walk every copy of a model the simulator cannot hold.
        if (!ModelSizeRule.Check(model, diagnostics))
        {
            return;
        }

        var placements = Placement.All(model);

        foreach (var family in selected)
        {
            try
            {
                family.Check(new RuleContext(model, diagnostics, placements));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var where = files.Count > 0 ? new Location(files[0].Tree.Text, new TextSpan(0, 0)) : default;
                diagnostics.Add(new Diagnostic(CompilerDiagnostics.InternalError, where, [family.Name, $"{e.GetType().Name}: {e.Message}"]));
            }
        }
    }
}
