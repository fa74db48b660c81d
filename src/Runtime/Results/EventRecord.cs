namespace VirtLang.Runtime.Results;

/// <summary>One line of a run's event log: when, what (<c>fail</c>, <c>repair</c>, <c>crash</c>...), to what, and the details.</summary>
public sealed record EventRecord(long Time, string Kind, string Subject, string Detail);
