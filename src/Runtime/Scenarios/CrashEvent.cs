namespace VirtLang.Runtime.Scenarios;

/// <summary>
/// <c>crash TARGET</c>: a guest's OS crashes and restarts (a VM in about a minute, a container in seconds). A host's OS
/// (or hypervisor) crashing takes what shares it: every container of an OS-level host, every VM of a hosted one.
/// </summary>
public sealed record CrashEvent(long At, string Target) : ScenarioEvent(At);
