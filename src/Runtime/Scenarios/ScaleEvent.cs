namespace VirtLang.Runtime.Scenarios;

/// <summary><c>at FROM..UNTIL scale APP PERCENT</c>: the application's demand times <see cref="Factor"/> until <see cref="Until"/> (null: the end).</summary>
public sealed record ScaleEvent(long At, string Application, double Factor, long? Until = null) : ScenarioEvent(At);
