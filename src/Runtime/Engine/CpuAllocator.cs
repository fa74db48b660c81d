namespace VirtLang.Runtime.Engine;

/// <summary>
/// Weighted max-min fair sharing (water filling): each claimant gets what it wants if the level allows, and the
/// capacity left is shared among the rest in proportion to their weights. This is how a proportional-share CPU
/// scheduler (Xen's credit scheduler, CFS shares, ESX shares) divides an oversubscribed host.
/// </summary>
internal static class CpuAllocator
{
    /// <summary>Fills <paramref name="allotted"/>; the sum never exceeds <paramref name="capacity"/>, and no claimant gets more than it wants.</summary>
    public static void Share(ReadOnlySpan<double> want, ReadOnlySpan<double> weight, double capacity, Span<double> allotted)
    {
        var total = 0.0;
        for (var i = 0; i < want.Length; i++)
        {
            total += want[i];
        }

        if (total <= capacity)
        {
            want.CopyTo(allotted);
            return;
        }

        // Mark satisfied claimants with allotted = want; the unsatisfied ones hold -1 until the level is known.
        allotted.Fill(-1);
        var remaining = capacity;
        var weightLeft = 0.0;
        for (var i = 0; i < want.Length; i++)
        {
            weightLeft += weight[i];
        }

        bool settledAny;
        do
        {
            settledAny = false;
            var level = weightLeft > 0 ? remaining / weightLeft : 0;
            for (var i = 0; i < want.Length; i++)
            {
                if (allotted[i] < 0 && want[i] <= level * weight[i])
                {
                    allotted[i] = want[i];
                    remaining -= want[i];
                    weightLeft -= weight[i];
                    settledAny = true;
                }
            }
        }
        while (settledAny && weightLeft > 0);

        var finalLevel = weightLeft > 0 ? Math.Max(0, remaining) / weightLeft : 0;
        for (var i = 0; i < want.Length; i++)
        {
            if (allotted[i] < 0)
            {
                allotted[i] = finalLevel * weight[i];
            }
        }
    }
}
