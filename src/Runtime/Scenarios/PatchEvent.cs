namespace VirtLang.Runtime.Scenarios;

/// <summary><c>patch TARGET "LEVEL"</c>: a host's OS (every container of an OS-level host with it) or one VM.</summary>
public sealed record PatchEvent(long At, string Target, string Level) : ScenarioEvent(At);
