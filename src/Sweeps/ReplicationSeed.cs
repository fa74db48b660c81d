namespace VirtLang.Sweeps;

/// <summary>
/// The seed of replication <c>i</c> of a sweep: SplitMix64's finalizer over the base seed and the index, so that seeds
/// are well spread even for neighbouring bases and indices, the same on every machine, and independent of which
/// worker runs the replication or in which order. Replication 0's seed is not the base seed: a sweep's replications are
/// all alike, none of them is "the" plain run.
/// </summary>
public static class ReplicationSeed
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The seed of replication <paramref name="index"/> (0-based) of the sweep with <paramref name="baseSeed"/>.</summary>
    public static ulong For(ulong baseSeed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        // Two rounds: the base seed mixed first, so that (base, i) and (base + γ, i - 1) do not meet.
        return Mix(Mix(baseSeed + Gamma) + ((ulong)index + 1) * Gamma);
    }

    /// <summary>SplitMix64's output function (Steele, Lea and Flood, OOPSLA 2014): a bijection of 64-bit words.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
