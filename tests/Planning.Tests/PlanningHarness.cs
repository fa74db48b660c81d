using VirtLang.Compiler;
using VirtLang.Compiler.Hosting;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Text;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Planning.Tests;

/// <summary>Compiles a model, plans it, writes the placed model and runs it, through the same calls as <c>vdl</c>.</summary>
internal sealed class PlanningHarness : IDisposable
{
    private readonly TemporaryDirectory _directory = new("vdl-plan-");

    public void Dispose() => _directory.Dispose();

    public ModelCompilation Compile(string text, string name = "model.vdl")
    {
        var path = _directory.Write(name, text);
        var compilation = ModelCompilation.Create([SourceText.From(text, path)]);
        Assert.Empty(compilation.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        return compilation;
    }

    public (PlanResult Result, string Placed) Plan(string text, PlanOptions? options = null)
    {
        var compilation = Compile(text);
        var diagnostics = new List<Diagnostic>();
        var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], options ?? new PlanOptions { TimeLimit = TimeSpan.FromSeconds(10) }, diagnostics);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        var placed = PlacedModelWriter.Write(compilation, result!, diagnostics);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
        return (result!, placed!);
    }

    public List<Diagnostic> PlanDiagnostics(string text)
    {
        var compilation = Compile(text);
        var diagnostics = new List<Diagnostic>();
        var result = Planner.Plan(compilation.SemanticModel, compilation.SemanticModel.Plans[0], new PlanOptions { TimeLimit = TimeSpan.FromSeconds(5) }, diagnostics);
        Assert.Null(result);
        return diagnostics;
    }

    /// <summary>The placed model through the generated C# and the simulator, as <c>vdl run</c> runs it.</summary>
    public SimulationResult Run(string placed)
    {
        var compilation = Compile(placed, "placed.vdl");
        var lowered = ModelHost.Load(compilation, Path.Combine(_directory.Path, "cache"));
        return Simulator.Run(lowered.Topology, ScenarioSpec.FirstOrBaseline(lowered.Scenarios), new SimulationOptions());
    }
}
