using VirtLang.Compiler.Symbols;
using VirtLang.Runtime.Model;

namespace VirtLang.Planning;

/// <summary>
/// One pool as the planner packs it: the capacity of each of its machines in the simulator's units, after the plan's
/// target and the hypervisor's own memory, and how many machines the plan may use.
/// </summary>
internal sealed class PoolMachine
{
    /// <summary>CPU is packed in thousandths of a reference core: demands round up, capacities down, so a packed host fits.</summary>
    public const double MilliCores = 1000;

    /// <summary>
    /// vCPUs of the privileged guest (dom0) each machine of a paravirtual pool runs, as the runtime's consolidation
    /// study sizes it: it runs no application, and the I/O work it does for the guests is in their demands already.
    /// </summary>
    public const int PrivilegedVcpus = 1;

    /// <summary>Memory of that privileged guest: 2 GiB.</summary>
    public const long PrivilegedMemoryBytes = 2L << 30;

    public PoolMachine(PoolSymbol pool, PlanSymbol plan)
    {
        Pool = pool;
        var machine = pool.Machine;
        CapacityCores = machine.CapacityCores;
        CpuCapacity = (long)Math.Floor(machine.CapacityCores * plan.Target * MilliCores);
        // A planned host stands in no cluster, so the default overcommit policy is the one the checker applies.
        MemoryCapacity = (long)Math.Floor((machine.MemoryBytes * ClusterSpec.DefaultMemoryOvercommit) - machine.Costs.ReservedMemoryBytes);
        VcpuCapacity = (long)Math.Floor(machine.LogicalCpus * ClusterSpec.DefaultCpuOvercommit);
        if (machine.HypervisorKind == HypervisorKind.Paravirtual)
        {
            // Every placed machine holds its privileged guest before any instance.
            var dom0 = new VirtualMachineSpec { Name = "dom0", Vcpus = PrivilegedVcpus, MemoryBytes = PrivilegedMemoryBytes, Privileged = true };
            MemoryCapacity -= PrivilegedMemoryBytes + machine.Costs.GuestOverheadBytes(dom0, machine.Mode);
            VcpuCapacity -= PrivilegedVcpus;
        }

        Usable = (int)Math.Clamp(pool.Count - plan.Spare, 0, int.MaxValue);
        Boundary = machine.HypervisorKind switch
        {
            HypervisorKind.None => IsolationLevel.Process,
            HypervisorKind.OsLevel => IsolationLevel.Container,
            _ => IsolationLevel.Vm,
        };
    }

    public PoolSymbol Pool { get; }

    public HostSymbol Machine => Pool.Machine;

    public string Name => Pool.Name;

    public double CapacityCores { get; }

    /// <summary>Thousandths of a reference core a host may use in any bucket: capacity × target.</summary>
    public long CpuCapacity { get; }

    /// <summary>Bytes guests (and their overheads) may hold: memory less the hypervisor's reserve.</summary>
    public long MemoryCapacity { get; }

    /// <summary>vCPUs a host may carry: logical CPUs × the default cpu_overcommit.</summary>
    public long VcpuCapacity { get; }

    /// <summary>Machines the plan may use: count less spare.</summary>
    public int Usable { get; }

    /// <summary>The boundary between two applications' instances on one machine: one userland, containers, or VMs.</summary>
    public IsolationLevel Boundary { get; }

    public bool RunsVms => Boundary == IsolationLevel.Vm;
}
