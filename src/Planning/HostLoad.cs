namespace VirtLang.Planning;

/// <summary>What the instances placed on one machine use: CPU per bucket, memory, vCPUs.</summary>
internal sealed class HostLoad(int buckets)
{
    public long[] Cpu { get; } = new long[buckets];

    public long Memory { get; private set; }

    public long Vcpus { get; private set; }

    public List<PlanItem> Items { get; } = [];

    public bool Fits(InstanceDemand demand, PoolMachine pool)
    {
        if (Memory + demand.Memory > pool.MemoryCapacity || Vcpus + demand.Vcpus > pool.VcpuCapacity)
        {
            return false;
        }

        for (var b = 0; b < Cpu.Length; b++)
        {
            if (Cpu[b] + demand.Cpu[b] > pool.CpuCapacity)
            {
                return false;
            }
        }

        return true;
    }

    public void Add(PlanItem item, InstanceDemand demand)
    {
        for (var b = 0; b < Cpu.Length; b++)
        {
            Cpu[b] += demand.Cpu[b];
        }

        Memory += demand.Memory;
        Vcpus += demand.Vcpus;
        Items.Add(item);
    }

    /// <summary>Takes back the last <see cref="Add"/> (a search that backtracks).</summary>
    public void RemoveLast(InstanceDemand demand)
    {
        for (var b = 0; b < Cpu.Length; b++)
        {
            Cpu[b] -= demand.Cpu[b];
        }

        Memory -= demand.Memory;
        Vcpus -= demand.Vcpus;
        Items.RemoveAt(Items.Count - 1);
    }
}
