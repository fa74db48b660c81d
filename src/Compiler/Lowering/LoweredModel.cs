using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Lowering;

/// <summary>A checked model as the simulator's objects: the topology, and each scenario by name (in model order).</summary>
public sealed record LoweredModel(Topology Topology, IReadOnlyList<ScenarioSpec> Scenarios);
