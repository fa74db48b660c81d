namespace VirtLang.Import.Libvirt;

/// <summary>
/// The VDL hypervisor a libvirt domain type runs under: kvm is bare metal with hardware assistance; qemu without KVM is
/// the same stack emulating the CPU in software; xen is paravirtual for a PV guest (os type xen or linux) and bare
/// metal with hardware assistance for HVM; lxc is OS-level containers.
/// </summary>
internal sealed record LibvirtHypervisor(string Key, string Kind, string? Acceleration, string Product)
{
    public static LibvirtHypervisor? Of(string domainType, string? osType) => domainType switch
    {
        "kvm" => new("kvm", "bare_metal", "hardware", "kvm"),
        "qemu" => new("qemu", "bare_metal", "software", "qemu (TCG)"),
        "xen" when osType is "xen" or "linux" => new("xen-pv", "paravirtual", null, "xen"),
        "xen" => new("xen-hvm", "bare_metal", "hardware", "xen"),
        "lxc" => new("lxc", "os_level", null, "lxc"),
        "hyperv" => new("hyperv", "bare_metal", "hardware", "hyper-v"),
        "vmware" => new("vmware", "bare_metal", "hardware", "vmware"),
        "bhyve" => new("bhyve", "bare_metal", "hardware", "bhyve"),
        _ => null,
    };
}
