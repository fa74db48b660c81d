namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// The models a worker has compiled, keyed by bundle hash, scenario and base seed: every batch of a sweep carries the
/// same bundle, and compiling it (checker, C#, Roslyn) costs far more than a batch's replications. Bounded: the
/// <see cref="Capacity"/> most recently used runners stay, the rest are dropped (a worker serving many sweeps over
/// its life must not keep every model it ever saw). One compilation per key even when batches arrive together.
/// </summary>
public sealed class CompiledModelCache
{
    /// <summary>How many compiled models a worker keeps (docs/limits.md).</summary>
    public const int Capacity = 4;

    private readonly object gate = new();
    private readonly LinkedList<(string Key, Lazy<ReplicationRunner> Runner)> entries = new();

    /// <summary>How many times a model was compiled here (tests read it to see that a bundle compiles once).</summary>
    public int Compilations { get; private set; }

    public ReplicationRunner Get(byte[] modelBytes, string? scenario, ulong? baseSeed)
    {
        var bundle = ModelBundle.FromBytes(modelBytes);
        var key = $"{bundle.Hash}\n{scenario}\n{baseSeed}";
        Lazy<ReplicationRunner> runner;
        lock (gate)
        {
            var node = entries.First;
            while (node is not null && node.Value.Key != key)
            {
                node = node.Next;
            }

            if (node is not null)
            {
                entries.Remove(node);
                entries.AddFirst(node);
                runner = node.Value.Runner;
            }
            else
            {
                runner = new Lazy<ReplicationRunner>(() => ReplicationRunner.Create(bundle, scenario, baseSeed), LazyThreadSafetyMode.ExecutionAndPublication);
                entries.AddFirst((key, runner));
                Compilations++;
                if (entries.Count > Capacity)
                {
                    entries.RemoveLast();
                }
            }
        }

        try
        {
            return runner.Value;
        }
        catch
        {
            // A model that does not compile is not kept: the next batch tries again and reports the same error.
            lock (gate)
            {
                var node = entries.First;
                while (node is not null && !ReferenceEquals(node.Value.Runner, runner))
                {
                    node = node.Next;
                }

                if (node is not null)
                {
                    entries.Remove(node);
                }
            }

            throw;
        }
    }
}
