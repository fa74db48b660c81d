namespace VirtLang.Runtime.Kernel;

/// <summary>
/// Something that events happen to: a host, a guest, a scenario, a machine in a benchmark. An event is a target and a
/// small integer kind, so scheduling allocates nothing (no delegate, no closure); the target switches on the kind and
/// keeps a reference to the scheduler it works with.
/// </summary>
public interface IEventTarget
{
    void Handle(int kind);
}
