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
        var list = new List<Placement>();
        foreach (var host in model.Hosts)
        {
            foreach (var app in host.Runs)
            {
                list.Add(new Placement(app, host, null));
            }

            foreach (var guest in host.Guests)
            {
                foreach (var app in guest.Runs)
                {
                    list.Add(new Placement(app, host, guest));
                }
            }
        }

        return [.. list];
    }
}
