using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Tests;

/// <summary>The calibrated defaults tell the story of the texts, and every one can be overridden.</summary>
public class CostModelTests
{
    private static readonly CpuSpec Modern = new(2, 16, 2, 2.6, CpuFeatures.Vtx | CpuFeatures.Ept);
    private static readonly CpuSpec FirstGeneration = new(2, 4, 1, 2.6, CpuFeatures.Vtx);

    private static double Slowdown(HypervisorKind kind, Acceleration acceleration, CpuSpec cpu, IoClass io)
    {
        var model = VirtualizationCostModel.For(kind);
        return model.Slowdown(io, model.ModeOf(acceleration, cpu));
    }

    [Fact]
    public void Paravirtual_and_hardware_assisted_bare_metal_are_within_a_few_percent_of_native_on_cpu_work()
    {
        Assert.InRange(Slowdown(HypervisorKind.Paravirtual, Acceleration.Hardware, Modern, IoClass.Light), 1.0, 1.03);
        Assert.InRange(Slowdown(HypervisorKind.BareMetal, Acceleration.Hardware, Modern, IoClass.Light), 1.0, 1.03);
        Assert.Equal(1.0, Slowdown(HypervisorKind.OsLevel, Acceleration.Hardware, Modern, IoClass.Light));
        Assert.Equal(1.0, Slowdown(HypervisorKind.None, Acceleration.Hardware, Modern, IoClass.Heavy));
    }

    [Fact]
    public void Hosted_binary_translation_is_far_behind_on_io_heavy_work()
    {
        var hosted = Slowdown(HypervisorKind.Hosted, Acceleration.Software, Modern, IoClass.Heavy);
        Assert.InRange(hosted, 3.0, 4.0); // SPEC WEB99: fewer than a third of native's clients
        Assert.True(hosted > 2 * Slowdown(HypervisorKind.BareMetal, Acceleration.Hardware, Modern, IoClass.Heavy));
        Assert.True(Slowdown(HypervisorKind.Paravirtual, Acceleration.Hardware, Modern, IoClass.Heavy) < 1.05);
        Assert.Equal(1.0, Slowdown(HypervisorKind.OsLevel, Acceleration.Hardware, Modern, IoClass.Heavy));
    }

    [Fact]
    public void First_generation_hardware_assist_is_slower_than_binary_translation_on_kernel_heavy_work()
    {
        var model = VirtualizationCostModel.For(HypervisorKind.BareMetal);
        Assert.Equal(AccelerationMode.HardwareAssist, model.ModeOf(Acceleration.Hardware, FirstGeneration));
        Assert.Equal(AccelerationMode.NestedPaging, model.ModeOf(Acceleration.Hardware, Modern));
        var vtx = model.CpuFactor(IoClass.Moderate, AccelerationMode.HardwareAssist);
        var bt = model.CpuFactor(IoClass.Moderate, AccelerationMode.BinaryTranslation);
        Assert.True(vtx > bt);

        // ...and slightly faster on CPU-bound work (SPECjbb 99 % against 98 %).
        Assert.True(model.CpuFactor(IoClass.Light, AccelerationMode.HardwareAssist) < model.CpuFactor(IoClass.Light, AccelerationMode.BinaryTranslation));
    }

    [Fact]
    public void Hardware_acceleration_on_a_cpu_without_the_feature_falls_back_to_translation()
    {
        var noVtx = new CpuSpec(1, 4, 1, 2.0, CpuFeatures.None);
        Assert.Equal(AccelerationMode.BinaryTranslation, VirtualizationCostModel.For(HypervisorKind.Hosted).ModeOf(Acceleration.Hardware, noVtx));
        Assert.Equal(AccelerationMode.Native, VirtualizationCostModel.For(HypervisorKind.OsLevel).ModeOf(Acceleration.Software, noVtx));
    }

    [Fact]
    public void Each_kind_charges_its_own_per_guest_memory()
    {
        const long MiB = 1L << 20;
        var small = new VirtualMachineSpec { Name = "s", Vcpus = 1, MemoryBytes = 256 * MiB };
        var model = VirtualizationCostModel.For(HypervisorKind.BareMetal);

        // Binary translation adds its code cache (32 MiB) to ESXi's monitor overhead.
        Assert.Equal(32 * MiB, model.GuestOverheadBytes(small, AccelerationMode.BinaryTranslation) - model.GuestOverheadBytes(small, AccelerationMode.NestedPaging));

        // Hosted: the VM's host process (218 MiB + 8 MiB per vCPU + 0.2 % of its memory, Red Hat's KVM figure).
        var hosted = new VirtualMachineSpec { Name = "h", Vcpus = 2, MemoryBytes = 8L << 30 };
        Assert.Equal((218 + 16) * MiB + (long)(0.002 * (8L << 30)), VirtualizationCostModel.For(HypervisorKind.Hosted).GuestOverheadBytes(hosted, AccelerationMode.NestedPaging));

        // Xen: 20 kB of domain state (Barham et al.) and libxl's 1 MiB of slack; plain containers nothing.
        Assert.Equal((20 * 1024) + MiB, VirtualizationCostModel.For(HypervisorKind.Paravirtual).GuestOverheadBytes(small, AccelerationMode.NestedPaging));
        Assert.Equal(0, VirtualizationCostModel.For(HypervisorKind.OsLevel).GuestOverheadBytes(new ContainerSpec { Name = "c" }, AccelerationMode.Native));
    }

    [Fact]
    public void Every_default_can_be_overridden()
    {
        var overrides = new CostOverrides { Cpu = 1.5, Io = 3, MemoryPerGuestBytes = 64L << 20, ReservedMemoryBytes = 2L << 30, CodeCacheBytes = 0 };
        var model = VirtualizationCostModel.For(HypervisorKind.Hosted, overrides);
        var vm = new VirtualMachineSpec { Name = "v", Vcpus = 4, MemoryBytes = 8L << 30 };
        Assert.Equal(1.5, model.GuestCpuFactor(IoClass.Light, AccelerationMode.BinaryTranslation));
        Assert.Equal(1.5, model.GuestCpuFactor(IoClass.Heavy, AccelerationMode.NestedPaging));

        // io = 3: the virtual I/O path costs three times the native one, so the layer adds twice the native path's CPU
        // per operation, still done by the hosted hypervisor's process.
        var path = model.IoPathOf(AccelerationMode.NestedPaging);
        Assert.Equal(2 * IoPath.NativeMicroseconds, path.CpuMicroseconds, 12);
        Assert.Equal(IoWorker.HostProcess, path.Worker);
        Assert.True(model.Slowdown(IoClass.Heavy, AccelerationMode.NestedPaging) > model.Slowdown(IoClass.Light, AccelerationMode.NestedPaging));
        Assert.Equal(64L << 20, model.GuestOverheadBytes(vm, AccelerationMode.BinaryTranslation));
        Assert.Equal(2L << 30, model.ReservedMemoryBytes);
    }

    [Fact]
    public void Xen_loses_seven_and_a_half_percent_with_128_busy_domains()
    {
        Assert.Equal(0.075, 128 * VirtualizationCostModel.For(HypervisorKind.Paravirtual).SchedulingLossPerBusyGuest, 12);
        Assert.Equal(0, VirtualizationCostModel.For(HypervisorKind.BareMetal).SchedulingLossPerBusyGuest);
    }
}
