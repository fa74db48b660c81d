using System.Runtime.CompilerServices;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// A host's last few utilizations, inside the host's own object, written to its histogram and series a batch at a
/// time (<see cref="HostState"/>): at every step each of those two arrays cost a fetch of its own, at hundreds of hosts
/// never still in the cache; a batch fetches them once.
/// </summary>
[InlineArray(Length)]
internal struct UtilizationBuffer
{
    public const int Length = 16;

    private double _element;
}
