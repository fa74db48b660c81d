using VirtLang.Compiler.Symbols;
using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Rules;

/// <summary>
/// One place an application runs: a guest of a host, or a host's own OS (<see cref="Guest"/> null). A guest or host
/// with <c>count</c> is one placement of <see cref="Copies"/> instances.
/// </summary>
internal sealed record Placement(ApplicationSymbol App, HostSymbol Host, GuestSymbol? Guest)
{
    /// <summary>The symbol whose <c>runs</c> names the application.</summary>
    public ModelSymbol Place => Guest is null ? Host : Guest;

    public long Copies => Host.Copies * (Guest?.Copies ?? 1);

    /// <summary>The userland the application shares with the others of the same <c>runs</c>.</summary>
    public ModelSymbol Userland => Place;

    public bool InVm => Guest is { IsVm: true };

    public Location Entry => RuleContext.RunsEntry(Place, App);

    /// <summary>"vm `billing-1` on host `esx-01`", "host `legacy-01`".</summary>
    public string Display => Guest is null ? $"host `{Host.Name}`" : $"{Guest.Kind} `{Guest.Name}` on host `{Host.Name}`";

    /// <summary>Host by host, the host's own applications then each guest's: the rules rely on this order (runs of one host, of one userland).</summary>
    public static Placement[] All(SemanticModel model)
    {
        // Counted first, then filled, by index: no list growing to a hundred thousand, no enumerator per guest.
        var hosts = model.Hosts;
        var count = 0;
        for (var h = 0; h < hosts.Count; h++)
        {
            count += hosts[h].Runs.Count;
            var guests = hosts[h].Guests;
            for (var g = 0; g < guests.Count; g++)
            {
                count += guests[g].Runs.Count;
            }
        }

        var all = new Placement[count];
        var next = 0;
        for (var h = 0; h < hosts.Count; h++)
        {
            var host = hosts[h];
            for (var a = 0; a < host.Runs.Count; a++)
            {
                all[next++] = new Placement(host.Runs[a], host, null);
            }

            var guests = host.Guests;
            for (var g = 0; g < guests.Count; g++)
            {
                var runs = guests[g].Runs;
                for (var a = 0; a < runs.Count; a++)
                {
                    all[next++] = new Placement(runs[a], host, guests[g]);
                }
            }
        }

        return all;
    }
}
