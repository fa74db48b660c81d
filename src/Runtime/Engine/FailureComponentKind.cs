namespace VirtLang.Runtime.Engine;

/// <summary>What a random failure takes down: the four levels of the stack a <c>failures</c> block can stand on.</summary>
internal enum FailureComponentKind
{
    /// <summary>A machine (a hardware's or host's block): the host is down for the repair, as <c>fail HOST for D</c>.</summary>
    Machine,

    /// <summary>A host's hypervisor (or its OS under hosted, os_level, none): as <c>crash HOST</c>, down for the restart.</summary>
    Hypervisor,

    /// <summary>A VM's guest OS: that VM is down for the restart.</summary>
    GuestOs,

    /// <summary>An application instance: it is down, its guest and host run on.</summary>
    Application,
}
