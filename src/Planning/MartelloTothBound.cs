namespace VirtLang.Planning;

/// <summary>
/// The L2 lower bound of Martello and Toth (1990) for one-dimensional bin packing: for every threshold K up to half
/// the capacity, the items larger than C − K each need a bin of their own and no item of K or more beside them; the
/// items between C/2 and C − K each need a bin too (two never share one), and the items between K and C/2 need
/// what is left of those bins' room and more. Never below the sum of sizes over the capacity, often above it when
/// items are large (three items of 60 % need three machines, not two).
/// </summary>
internal static class MartelloTothBound
{
    /// <summary>The fewest bins of <paramref name="capacity"/> that hold <paramref name="sizes"/> (each at most the capacity).</summary>
    public static long Of(IReadOnlyList<long> sizes, long capacity)
    {
        if (sizes.Count == 0)
        {
            return 0;
        }

        if (capacity <= 0)
        {
            return sizes.Count;
        }

        var sorted = sizes.Select(s => Math.Clamp(s, 0, capacity)).Order().ToArray(); // ascending
        var prefix = new long[sorted.Length + 1];
        for (var i = 0; i < sorted.Length; i++)
        {
            prefix[i + 1] = prefix[i] + sorted[i];
        }

        long Sum(int from, int to) => prefix[to] - prefix[from]; // sorted[from..to)

        // First index whose size is above (strictly) / at least a value.
        int Above(long value) => UpperBound(sorted, value);
        int AtLeast(long value) => UpperBound(sorted, value - 1);

        var half = Above(capacity / 2); // sizes above C/2 from here (for whole numbers, s > ⌊C/2⌋ ⇔ 2s > C)

        var best = (long)Math.Ceiling(prefix[^1] / (double)capacity - 1e-9); // L1: the sizes over the capacity
        IEnumerable<long> thresholds = [0, .. sorted.Take(half).Distinct()];
        foreach (var k in thresholds)
        {
            var large = Above(capacity - k); // J1: sizes above C − K, from here (C − K ≥ C/2, so large ≥ half)
            var j3From = AtLeast(k);
            var j1 = sorted.Length - large;
            var j2 = large - half;
            var roomInJ2 = (j2 * capacity) - Sum(half, large);
            var j3 = j3From < half ? Sum(j3From, half) : 0;
            var more = Math.Max(0, (long)Math.Ceiling((j3 - roomInJ2) / (double)capacity - 1e-9));
            best = Math.Max(best, j1 + j2 + more);
        }

        return best;
    }

    /// <summary>The first index of ascending <paramref name="sorted"/> whose value is above <paramref name="value"/>.</summary>
    private static int UpperBound(long[] sorted, long value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
