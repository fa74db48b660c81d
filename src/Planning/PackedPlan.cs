namespace VirtLang.Planning;

/// <summary>Where each instance goes: a pool and a machine of it (machines numbered from 0 in the order they are used).</summary>
internal sealed class PackedPlan
{
    public PackedPlan(int[] pool, int[] host)
    {
        Pool = pool;
        Host = host;
    }

    /// <summary>[item]: the index of its pool in the plan's pools.</summary>
    public int[] Pool { get; }

    /// <summary>[item]: its machine within the pool, from 0.</summary>
    public int[] Host { get; }

    /// <summary>Machines used per pool.</summary>
    public int[] HostsPerPool(int pools)
    {
        var used = new int[pools];
        for (var i = 0; i < Pool.Length; i++)
        {
            used[Pool[i]] = Math.Max(used[Pool[i]], Host[i] + 1);
        }

        return used;
    }

    public int HostCount(int pools) => HostsPerPool(pools).Sum();

    /// <summary>The same plan with each pool's machines renumbered in the order of their first instance: the same bytes for the same packing.</summary>
    public PackedPlan Normalized(int pools)
    {
        var maps = new Dictionary<int, int>[pools];
        for (var p = 0; p < pools; p++)
        {
            maps[p] = [];
        }

        var host = new int[Host.Length];
        for (var i = 0; i < Host.Length; i++)
        {
            var map = maps[Pool[i]];
            if (!map.TryGetValue(Host[i], out var renumbered))
            {
                renumbered = map.Count;
                map[Host[i]] = renumbered;
            }

            host[i] = renumbered;
        }

        return new PackedPlan([.. Pool], host);
    }
}
