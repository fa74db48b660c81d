using VirtLang.Runtime.Costs;
using VirtLang.Runtime.Model;

namespace VirtLang.Runtime.Tests;

/// <summary>
/// The per-VM overhead of a bare-metal (ESXi) VM against VMware's published table, cell by cell. The table is data
/// copied from the publication (vSphere Resource Management, "Overhead Memory on Virtual Machines", MB), not our
/// coefficients: a change to the fit that misses any cell by more than 15 % fails here.
/// </summary>
public sealed class EsxiOverheadTableTests
{
    private const long MiB = 1L << 20;

    public static TheoryData<int, int, double> PublishedTable() => new()
    {
        // memory MB, vCPUs, overhead MB
        { 256, 1, 20.29 }, { 256, 2, 24.28 }, { 256, 4, 32.23 }, { 256, 8, 48.16 },
        { 1024, 1, 25.90 }, { 1024, 2, 29.91 }, { 1024, 4, 37.86 }, { 1024, 8, 53.82 },
        { 4096, 1, 48.64 }, { 4096, 2, 52.72 }, { 4096, 4, 60.67 }, { 4096, 8, 76.78 },
        { 16384, 1, 139.62 }, { 16384, 2, 143.98 }, { 16384, 4, 151.93 }, { 16384, 8, 168.60 },
    };

    [Theory]
    [MemberData(nameof(PublishedTable))]
    public void Every_cell_is_within_fifteen_percent(int memoryMb, int vcpus, double publishedMb)
    {
        // The table was measured with the hardware MMU: nested paging, so no translation cache is added.
        var vm = new VirtualMachineSpec { Name = "vm", Vcpus = vcpus, MemoryBytes = memoryMb * MiB };
        var simulated = VirtualizationCostModel.For(HypervisorKind.BareMetal).GuestOverheadBytes(vm, AccelerationMode.NestedPaging) / (double)MiB;
        Assert.InRange(simulated / publishedMb, 0.85, 1.15);
    }
}
