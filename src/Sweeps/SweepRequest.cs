namespace VirtLang.Sweeps;

/// <summary>
/// What a sweep runs: <paramref name="Runs"/> replications of <paramref name="Scenario"/> (null: the model's first) of
/// <paramref name="Model"/>, replication <c>i</c> seeded with <see cref="ReplicationSeed.For"/>(base, i), the base being
/// <paramref name="BaseSeed"/> or, when null, the scenario's own seed.
/// </summary>
public sealed record SweepRequest(ModelBundle Model, string? Scenario, ulong? BaseSeed, int Runs);
