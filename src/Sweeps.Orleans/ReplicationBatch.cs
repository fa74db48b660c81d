namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// One call's work: the model as <see cref="ModelBundle"/> bytes, the scenario and base seed of the sweep, and the
/// replication indices to run. Only bytes and numbers cross the wire: a worker needs nothing of the client's types
/// beyond the bundle format. Immutable: Orleans passes it without a deep copy when caller and grain share a silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("virtlang.sweep.batch")]
public sealed class ReplicationBatch
{
    public ReplicationBatch(byte[] model, string? scenario, ulong? baseSeed, int[] indices)
    {
        Model = model;
        Scenario = scenario;
        BaseSeed = baseSeed;
        Indices = indices;
    }

    [Id(0)] public byte[] Model { get; }

    [Id(1)] public string? Scenario { get; }

    [Id(2)] public ulong? BaseSeed { get; }

    [Id(3)] public int[] Indices { get; }
}
