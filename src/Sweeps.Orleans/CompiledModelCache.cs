using System.Security.Cryptography;

namespace VirtLang.Sweeps.Orleans;

/// <summary>
/// The models a worker has compiled, keyed by bundle hash (the SHA-256 of the bundle's bytes, <see cref="ModelBundle.Hash"/>),
/// scenario and base seed: every batch of a sweep carries the same bundle, and compiling it (checker, C#, Roslyn)
/// costs far more than a batch's replications. Bounded: the <see cref="Capacity"/> most recently used runners stay,
/// the rest are dropped (a worker serving many sweeps over its life must not keep every model it ever saw). One
/// compilation per key even when batches arrive together; they wait for it without holding a thread.
/// </summary>
public sealed class CompiledModelCache
{
    /// <summary>How many compiled models a worker keeps (docs/limits.md).</summary>
    public const int Capacity = 4;

    private readonly Lock gate = new();
    private readonly LinkedList<(string Key, Task<ReplicationRunner> Runner)> entries = new();

    /// <summary>How many times a model was compiled here (tests read it to see that a bundle compiles once).</summary>
    public int Compilations { get; private set; }

    /// <exception cref="SweepModelException">The model cannot run (the same on every worker).</exception>
    /// <exception cref="SweepDataException">The bytes are not a model bundle.</exception>
    public async Task<ReplicationRunner> GetAsync(byte[] modelBytes, string? scenario, ulong? baseSeed)
    {
        var hash = Convert.ToHexString(SHA256.HashData(modelBytes)).ToLowerInvariant();
        var key = $"{hash}\n{scenario}\n{baseSeed}";
        Task<ReplicationRunner> runner;
        lock (gate)
        {
            var node = Find(key);
            if (node is not null)
            {
                entries.Remove(node);
                entries.AddFirst(node);
                runner = node.Value.Runner;
            }
            else
            {
                runner = Task.Run(() => ReplicationRunner.Create(ModelBundle.FromBytes(modelBytes), scenario, baseSeed));
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
            return await runner.ConfigureAwait(false);
        }
        catch
        {
            // A model that does not compile is not kept: the next batch tries again and reports the same error.
            lock (gate)
            {
                if (Find(key) is { } node && ReferenceEquals(node.Value.Runner, runner))
                {
                    entries.Remove(node);
                }
            }

            throw;
        }
    }

    private LinkedListNode<(string Key, Task<ReplicationRunner> Runner)>? Find(string key)
    {
        for (var node = entries.First; node is not null; node = node.Next)
        {
            if (node.Value.Key == key)
            {
                return node;
            }
        }

        return null;
    }
}
