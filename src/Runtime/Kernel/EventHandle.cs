namespace VirtLang.Runtime.Kernel;

/// <summary>
/// Names one scheduled event, to cancel it: its sequence number and the kernel's slot that holds it while it waits.
/// The default handle names nothing.
/// </summary>
public readonly record struct EventHandle(long Sequence, int Slot = 0)
{
    public bool IsNone => Sequence == 0;
}
