namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// A batch's answer: the summaries as <see cref="ReplicationSummary"/> bytes, in the order of the batch's indices; or,
/// when the model cannot run (<see cref="SweepModelException"/>: errors, unknown scenario) or the bundle's bytes are
/// not a bundle, that reason as data. Those are the same on every worker, so the client reports them at once instead
/// of sending the batch elsewhere; and as data they cross the wire intact (an exception's own fields would not).
/// </summary>
[GenerateSerializer, Immutable, Alias("virtlang.sweep.batch-result")]
public sealed class ReplicationBatchResult
{
    public ReplicationBatchResult(byte[][] summaries, string? refusal, string[] diagnostics, int problem)
    {
        Summaries = summaries;
        Refusal = refusal;
        Diagnostics = diagnostics;
        Problem = problem;
    }

    [Id(0)] public byte[][] Summaries { get; }

    /// <summary>Why the model cannot run, for every worker alike; null when the batch ran.</summary>
    [Id(1)] public string? Refusal { get; }

    /// <summary>The model's problems, one a line (<see cref="SweepModelException.Diagnostics"/>).</summary>
    [Id(2)] public string[] Diagnostics { get; }

    /// <summary>What kind of refusal (<see cref="SweepModelProblem"/>, as its number): the CLI answers each with its own exit code.</summary>
    [Id(3)] public int Problem { get; }

    public static ReplicationBatchResult Ran(byte[][] summaries) => new(summaries, null, [], 0);

    public static ReplicationBatchResult Refused(string reason, IEnumerable<string> diagnostics, SweepModelProblem problem) => new([], reason, [.. diagnostics], (int)problem);

    /// <summary>The refusal as the exception a local sweep would have thrown.</summary>
    public SweepModelException ToException() =>
        new(Refusal ?? "the model cannot be swept", Diagnostics) { Problem = Enum.IsDefined((SweepModelProblem)Problem) ? (SweepModelProblem)Problem : SweepModelProblem.ModelErrors };
}
