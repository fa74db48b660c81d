using VirtLang.Compiler;
using VirtLang.Compiler.Lowering;
using VirtLang.Language.Text;
using VirtLang.Planning;
using VirtLang.Runtime.Analysis;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.StoryReport;

/// <summary>
/// The side-by-side of examples/README.md, shared with the tests that hold it to the story: one-app-per-server.vdl as
/// written, then its plan under each hypervisor kind its pool can run, planned by <c>vdl plan --compare</c>'s code
/// (<see cref="KindComparison"/>) and each placed model simulated; and a CPU-bound against an I/O-heavy application,
/// alone on one server, under each platform.
/// </summary>
internal static class SideBySide
{
    public const string CpuBound = "cpu-bound";

    public const string IoHeavy = "io-heavy";

    /// <summary>The label of the first row: the example as written.</summary>
    public const string AsWritten = "one application per server (as written)";

    /// <summary>The planner's search time for each kind: the example's plans are proved optimal well within it.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The example as written, then one row per kind of <see cref="KindComparison.ComparePlaced"/>: each placed model
    /// simulated over the example's first scenario (or none, when the kind has no plan).
    /// </summary>
    public static IReadOnlyList<KindOutcome> Consolidation(string path)
    {
        var compilation = ModelCompilation.FromFiles([path]);
        var asWritten = Simulate(compilation);
        var rows = new List<KindOutcome> { new(AsWritten, asWritten.Hosts.Count, null, asWritten, null) };
        var plan = compilation.SemanticModel.Plans.Single();
        foreach (var kind in KindComparison.ComparePlaced(compilation, plan, new PlanOptions { TimeLimit = TimeLimit }))
        {
            var result = kind.Placed is null ? null : Simulate(ModelCompilation.Create([SourceText.From(kind.Placed, path)]));
            rows.Add(new KindOutcome(kind.Kind, kind.Result?.Hosts.Count ?? 0, kind.Result, result, kind.Why));
        }

        return rows;
    }

    private static SimulationResult Simulate(ModelCompilation compilation)
    {
        var lowered = ModelLowering.Lower(compilation.SemanticModel);
        return Simulator.Run(lowered.Topology, ScenarioSpec.FirstOrBaseline(lowered.Scenarios));
    }

    /// <summary>Four cores each at a steady half: one does no I/O to speak of, the other little else.</summary>
    public static IReadOnlyList<PlatformOutcome> CpuVersusIo(LoweredModel oneAppPerServer)
    {
        ApplicationSpec[] pair =
        [
            new() { Name = CpuBound, Cpu = 4, MemoryBytes = 4L << 30, Io = IoClass.Light, Profile = new ConstantProfile(0.5) },
            new() { Name = IoHeavy, Cpu = 4, MemoryBytes = 4L << 30, Io = IoClass.Heavy, Profile = new ConstantProfile(0.5) },
        ];
        var platforms = Platform.Story.Where(p => p.Kind != HypervisorKind.None).ToList();
        return ConsolidationStudy.Compare(pair, Server(oneAppPerServer), platforms, Scenario(oneAppPerServer) with { Duration = Runtime.Kernel.SimTime.TicksPerDay });
    }

    private static HostSpec Server(LoweredModel model) => model.Topology.Hosts[0];

    private static ScenarioSpec Scenario(LoweredModel model) => ScenarioSpec.FirstOrBaseline(model.Scenarios);
}
