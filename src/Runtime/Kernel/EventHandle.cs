namespace VirtLang.Runtime.Kernel;

/// <summary>Names one scheduled event, to cancel it. The default handle names nothing.</summary>
public readonly record struct EventHandle(long Sequence)
{
    public bool IsNone => Sequence == 0;
}
