using System.Globalization;
using VirtLang.Compiler.Symbols;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Graphs;

/// <summary>
/// The text of a host's or guest's node, the same in every drawing (DOT, Mermaid, SVG): its name, <c>xN</c> for the
/// copies of <c>count</c>, and what kind it is; the SVG, which has room, adds how guest code runs and a VM's size.
/// </summary>
internal static class NodeLabels
{
    public static string Host(HostSymbol host, bool withMode = false)
    {
        var kind = ModelNames.ToName(host.HypervisorKind);
        var mode = withMode && host.HypervisorKind != HypervisorKind.None ? ", " + ModelNames.ToName(host.Mode) : string.Empty;
        return $"{host.Name}{Copies(host)} ({kind}{mode})";
    }

    public static string Guest(GuestSymbol guest, bool withSize = false)
    {
        var size = withSize && guest.IsVm
            ? string.Create(CultureInfo.InvariantCulture, $" · {guest.Vcpus} vCPU, {guest.MemoryBytes / (1L << 30):0.#} GiB")
            : string.Empty;
        return $"{guest.Kind} {guest.Name}{Copies(guest)}{size}";
    }

    private static string Copies(ModelSymbol symbol) =>
        symbol.Copies > 1 ? string.Create(CultureInfo.InvariantCulture, $" x{symbol.Copies}") : string.Empty;
}
