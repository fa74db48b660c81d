namespace VirtLang.Runtime.Scenarios;

/// <summary><c>migrate GUEST to HOST</c>: live migration; refused when the target does not fit.</summary>
public sealed record MigrateEvent(long At, string Guest, string TargetHost) : ScenarioEvent(At);
