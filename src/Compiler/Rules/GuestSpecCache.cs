using VirtLang.Compiler.Symbols;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// The runtime's guest specs that the cost model reads for a guest's memory overhead, one per distinct size rather
/// than one per guest: the overhead depends on the kind, the vCPUs and the memory only (not the name, which is the
/// first guest's of that size), and a large model has a hundred thousand guests of a few sizes.
/// </summary>
internal sealed class GuestSpecCache
{
    private readonly Dictionary<(int Vcpus, long MemoryBytes), VirtualMachineSpec> _vms = [];
    private ContainerSpec? _container;

    public VirtualMachineSpec Vm(GuestSymbol guest, int vcpus)
    {
        var key = (vcpus, (long)guest.MemoryBytes);
        if (!_vms.TryGetValue(key, out var spec))
        {
            _vms[key] = spec = new VirtualMachineSpec { Name = guest.Name, Vcpus = vcpus, MemoryBytes = key.Item2 };
        }

        return spec;
    }

    public ContainerSpec Container(GuestSymbol guest) => _container ??= new ContainerSpec { Name = guest.Name };
}
