namespace VirtLang.Runtime.Scenarios;

/// <summary><c>fail HOST for DURATION</c>: the host and all it runs are down until repaired (never, without a duration).</summary>
public sealed record FailEvent(long At, string Host, long? RepairAfter = null) : ScenarioEvent(At);
