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

    /// <param name="pool">The pool.</param>
    /// <param name="plan">The plan, for its target and spare.</param>
    /// <param name="reserve">
    /// The share of each machine kept free for the HA restarts of its cluster (admission control, AdmissionReserves.cs):
    /// taken from its CPU, from its memory × memory_overcommit and from its vCPUs; 0 outside an HA cluster.
    /// </param>
    public PoolMachine(PoolSymbol pool, PlanSymbol plan, double reserve = 0)
    {
        Pool = pool;
        Reserve = reserve;
        var machine = pool.Machine;
        var kept = 1 - reserve;
        CapacityCores = machine.CapacityCores;
        // The reserve applies to the busiest bucket's CPU too: the checker's VDL4008 counts vCPUs, but the guests a
        // failed host restarts need cores to be served on the others.
        CpuCapacity = (long)Math.Floor(machine.CapacityCores * plan.Target * kept * MilliCores);
        // The cluster's policy as the checker applies it (a pool in no cluster: the default policy). Memory: what the
        // reserve leaves of memory × memory_overcommit (VDL4008), never more than the memory itself: the planner sizes
        // a VM's memory to its application's, so all of it is active and past the memory it would swap (VDL2007).
        var memoryOvercommit = pool.Cluster?.MemoryOvercommit ?? ClusterSpec.DefaultMemoryOvercommit;
        var cpuOvercommit = pool.Cluster?.CpuOvercommit ?? ClusterSpec.DefaultCpuOvercommit;
        MemoryCapacity = (long)Math.Floor(Math.Min(machine.MemoryBytes, machine.MemoryBytes * memoryOvercommit * kept) - machine.Costs.ReservedMemoryBytes);
        VcpuCapacity = (long)Math.Floor(machine.LogicalCpus * cpuOvercommit * kept);
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

    /// <summary>Bytes guests (and their overheads) may hold: memory less the hypervisor's reserve and the HA reserve.</summary>
    public long MemoryCapacity { get; }

    /// <summary>The share of the machine kept free for its cluster's HA restarts (0: none).</summary>
    public double Reserve { get; }

    /// <summary>vCPUs a host may carry: logical CPUs × its cluster's cpu_overcommit (default 4.0), less the reserve.</summary>
    public long VcpuCapacity { get; }

    /// <summary>Machines the plan may use: count less spare.</summary>
    public int Usable { get; }

    /// <summary>The boundary between two applications' instances on one machine: one userland, containers, or VMs.</summary>
    public IsolationLevel Boundary { get; }

    public bool RunsVms => Boundary == IsolationLevel.Vm;
}
