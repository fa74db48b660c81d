namespace VirtLang.Runtime.Engine;

/// <summary>What kind of place an instance runs in; applications straight on a host run in the host's <see cref="Process"/> guest.</summary>
internal enum GuestKind
{
    Process,
    VirtualMachine,
    Container,
}
