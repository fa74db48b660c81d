using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Compiler.Hosting;

/// <summary>What the generated code built: the topology and the scenarios, and whether its assembly came from the cache.</summary>
public sealed record GeneratedModel(Topology Topology, IReadOnlyList<ScenarioSpec> Scenarios, bool FromCache);
