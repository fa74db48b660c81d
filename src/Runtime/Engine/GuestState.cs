using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Scenarios;

namespace VirtLang.Runtime.Engine;

/// <summary>A VM, a container or a host's own processes during a run: where it is, whether it is up, what it may use.</summary>
internal sealed class GuestState
{
    public GuestState(string name, GuestKind kind, GuestSpec? spec, HostState host, InstanceState[] instances)
    {
        Name = name;
        Kind = kind;
        Spec = spec;
        Host = host;
        Instances = instances;
        foreach (var instance in instances)
        {
            instance.Guest = this;
        }

        // Summed in doubles and saturated: a long sum throws past 8 EiB, which thousands of the largest applications reach.
        AppMemoryBytes = (long)Math.Min(long.MaxValue, instances.Sum(i => (double)i.Application.Spec.MemoryBytes));
        switch (spec)
        {
            case VirtualMachineSpec vm:
                CpuCap = vm.Vcpus;
                Weight = vm.Vcpus;
                Patch = vm.Patch;
                Os = vm.Os;
                Privileged = vm.Privileged;
                break;
            case ContainerSpec container:
                CpuCap = container.CpuLimit ?? double.PositiveInfinity;
                Weight = container.CpuShares > 0 ? container.CpuShares : 1;
                Burst = container.Burst;
                break;
            default:
                CpuCap = double.PositiveInfinity;
                Weight = 1;
                Burst = true;
                break;
        }
    }

    public string Name { get; }

    public GuestKind Kind { get; }

    public GuestSpec? Spec { get; }

    public HostState Host { get; set; }

    public InstanceState[] Instances { get; }

    /// <summary>Reasons it is down now (its host failed, it is restarting, it is being switched over...): up at zero.</summary>
    public int DownReasons
    {
        get;
        set
        {
            field = value;
            Host.StepDataChanged();
        }
    }

    public bool IsUp => DownReasons == 0;

    public bool Migrating { get; set; }

    /// <summary>The most CPU it may use, in the host's CPUs (vCPUs, a container's limit); times the host's core speed in reference cores.</summary>
    public double CpuCap { get; }

    public double Weight { get; }

    /// <summary>Containers without burst never take more than their share of the host, even when the rest is idle.</summary>
    public bool Burst { get; }

    public bool Privileged { get; }

    /// <summary>A VM's own patch level; containers and processes have their host's.</summary>
    public string? Patch { get; set; }

    public OperatingSystemSpec? Os { get; }

    public long AppMemoryBytes { get; }

    /// <summary>
    /// Memory it holds on its host, and how much slower memory reclamation makes it (1: none; ballooning a little, host
    /// swapping a lot); set when the host's memory is recomputed.
    /// </summary>
    public long ResidentBytes { get; set; }

    public double SwapSlowdown { get; set; } = 1;

    /// <summary>
    /// When its binary-translation code cache last started empty: a boot, restart, reboot or arrival by migration.
    /// <see cref="long.MinValue"/>, the start of every run: warm, because a run models a stack in steady state.
    /// </summary>
    public long CodeCacheColdSince
    {
        get;
        set
        {
            field = value;
            Host.StepDataChanged();
        }
    } = long.MinValue;

    /// <summary>
    /// How much slower a VM on a binary-translating host runs while its translation cache refills:
    /// 1 + A × exp(−t ÷ τ), t since <see cref="CodeCacheColdSince"/>; 1 for containers, processes and other modes.
    /// </summary>
    public double CodeCacheSlowdown(long now, FaultTimings timings) =>
        Kind != GuestKind.VirtualMachine || Host.Mode != AccelerationMode.BinaryTranslation ? 1 : CodeCacheSlowdown(CodeCacheColdSince, now, timings);

    /// <summary><see cref="CodeCacheSlowdown(long, FaultTimings)"/> of a VM on a binary-translating host whose cache went cold at <paramref name="coldSince"/>.</summary>
    public static double CodeCacheSlowdown(long coldSince, long now, FaultTimings timings)
    {
        if (coldSince == long.MinValue)
        {
            return 1;
        }

        var elapsed = (double)(now - coldSince);
        return 1 + (timings.CodeCacheWarmUpAmplitude * Math.Exp(-elapsed / timings.CodeCacheWarmUpTimeConstant));
    }
}
