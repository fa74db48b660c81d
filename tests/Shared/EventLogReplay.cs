using System.Globalization;
using System.Text.RegularExpressions;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Results;

namespace VirtLang.Tests.Shared;

/// <summary>
/// Re-derives a run's downtime from its event log alone, reading it as a user would with simulation.md's blast-radius
/// rules and the topology's starting placement: when each host and guest went down and came back, so when each
/// application had no instance up. What it derives must equal the result tables, and every <c>restart</c> or
/// <c>repair</c> that says "back up" must find what it names up (issue 16: the log never contradicts the tables).
/// </summary>
internal static partial class EventLogReplay
{
    public sealed record Replayed(
        Dictionary<string, long> HostDowntime,
        Dictionary<string, long> ApplicationDowntime,
        Dictionary<string, List<(long From, long To)>> Outages,
        List<string> Contradictions);

    private sealed class Guest(string name, string host)
    {
        public string Name { get; } = name;

        public string Host { get; set; } = host;

        /// <summary>Its own reasons to be down (restarting, paused by a migration), apart from its host's.</summary>
        public int Down { get; set; }

        public List<string> Applications { get; } = [];

        /// <summary>Its application instances down on their own (random application failures), by application.</summary>
        public Dictionary<string, int> InstancesDown { get; } = new(StringComparer.Ordinal);

        public bool Serves(string app) => Applications.Contains(app) && InstancesDown.GetValueOrDefault(app) == 0;
    }

    public static Replayed Replay(Topology topology, SimulationResult result)
    {
        var hostDown = topology.Hosts.ToDictionary(h => h.Name, _ => 0, StringComparer.Ordinal);
        var guests = new Dictionary<string, Guest>(StringComparer.Ordinal);
        foreach (var host in topology.Hosts)
        {
            foreach (var spec in host.Guests)
            {
                var guest = guests[spec.Name] = new Guest(spec.Name, host.Name);
                guest.Applications.AddRange(spec.Runs.Select(a => a.Name));
            }

            if (host.Runs.Count > 0)
            {
                // The host's own processes: a guest no event names, up exactly when its host is.
                var processes = guests["\0" + host.Name] = new Guest("\0" + host.Name, host.Name);
                processes.Applications.AddRange(host.Runs.Select(a => a.Name));
            }
        }

        var applications = guests.Values.SelectMany(g => g.Applications).Distinct(StringComparer.Ordinal).ToList();
        var contradictions = new List<string>();
        var pending = new Dictionary<string, Queue<List<Guest>>>(StringComparer.Ordinal);
        var pendingSites = new Dictionary<string, Queue<string[]>>(StringComparer.Ordinal);

        // The log in time order, with each migration's pause put back where it began (its end says how long it was).
        var actions = new List<(long Time, int Order, Action Apply)>();
        for (var i = 0; i < result.Events.Count; i++)
        {
            var e = result.Events[i];
            var order = i * 2;
            if (e.Kind is "migrate-end" or "migrate-aborted" && PausedMs(e.Detail) is { } ms)
            {
                var guest = guests[e.Subject];
                var start = e.Time - (long)Math.Round(ms * 1000);
                actions.Add((start, order, () => guest.Down++));
                actions.Add((e.Time, order + 1, () =>
                {
                    guest.Down--;
                    if (e.Kind == "migrate-end")
                    {
                        guest.Host = NowOn().Match(e.Detail).Groups[1].Value;
                    }
                }
                ));
                continue;
            }

            actions.Add((e.Time, order + 1, () => Apply(e)));
        }

        bool HostUp(string host) => hostDown[host] == 0;
        bool GuestUp(Guest guest) => guest.Down == 0 && HostUp(guest.Host);

        // A random failure's subject: a host (machine or hypervisor), a VM (its guest OS), or APP@GUEST (an instance;
        // APP@HOST for the host's own processes).
        (Guest Guest, string App)? Instance(string subject)
        {
            var at = subject.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var place = subject[(at + 1)..].Split('#')[0];
            return (guests.TryGetValue(place, out var g) ? g : guests["\0" + place], subject[..at]);
        }

        bool RandomSubjectUp(string subject) => Instance(subject) is var (g, app)
            ? GuestUp(g) && g.InstancesDown.GetValueOrDefault(app) == 0
            : hostDown.ContainsKey(subject) ? HostUp(subject) : GuestUp(guests[subject]);

        void RandomDown(string subject, int change)
        {
            if (Instance(subject) is var (g, app))
            {
                g.InstancesDown[app] = g.InstancesDown.GetValueOrDefault(app) + change;
            }
            else if (hostDown.ContainsKey(subject))
            {
                hostDown[subject] += change;
            }
            else
            {
                guests[subject].Down += change;
            }
        }

        void Apply(EventRecord e)
        {
            var isHost = hostDown.ContainsKey(e.Subject);
            var subjectUp = isHost ? HostUp(e.Subject) : !guests.TryGetValue(e.Subject, out var s) || GuestUp(s);
            if (e.Kind is "crash" or "patch" && !subjectUp)
            {
                // Taken as the log says it, so that what follows still balances.
                contradictions.Add($"{e.Time}: {e.Kind} of {e.Subject}, which is down: it should have been skipped");
            }
            else if (e.Kind is "crash-skipped" or "patch-skipped" && subjectUp)
            {
                contradictions.Add($"{e.Time}: {e.Kind} of {e.Subject}, which is up");
            }

            if (e.Kind == "random-skipped" && RandomSubjectUp(e.Subject))
            {
                contradictions.Add($"{e.Time}: random-skipped of {e.Subject}, which is up");
            }

            switch (e.Kind)
            {
                case "random-fail":
                    RandomDown(e.Subject, +1);
                    break;
                case "random-repair":
                    RandomDown(e.Subject, -1);
                    Claim(e, RandomSubjectUp(e.Subject));
                    break;
                case "fail":
                    hostDown[e.Subject]++;
                    break;
                case "crash" or "patch" when isHost:
                    hostDown[e.Subject]++;
                    break;
                case "crash" when e.Detail.Contains("control domain", StringComparison.Ordinal):
                    hostDown[guests[e.Subject].Host]++;
                    break;
                case "crash" or "patch":
                    var guest = guests[e.Subject];
                    var affected = e.Detail.Contains("owns the drivers", StringComparison.Ordinal)
                        ? guests.Values.Where(g => g.Host == guest.Host).ToList()
                        : [guest];
                    affected.ForEach(g => g.Down++);
                    if (!pending.TryGetValue(e.Subject, out var queue))
                    {
                        pending[e.Subject] = queue = new Queue<List<Guest>>();
                    }

                    queue.Enqueue(affected);
                    break;
                case "site-fail":
                    // The hosts the site took, as its detail names them ("2 hosts down (h1, h2) with ..."); each is down as if it had failed.
                    var taken = SiteHosts().Match(e.Detail) is { Success: true } m ? m.Groups[1].Value.Split(", ") : [];
                    foreach (var host in taken)
                    {
                        hostDown[host]++;
                    }

                    if (!pendingSites.TryGetValue(e.Subject, out var sites))
                    {
                        pendingSites[e.Subject] = sites = new Queue<string[]>();
                    }

                    sites.Enqueue(taken);
                    break;
                case "site-repair":
                    var back = pendingSites[e.Subject].Dequeue();
                    foreach (var host in back)
                    {
                        hostDown[host]--;
                    }

                    Claim(e, back.All(HostUp));
                    break;
                case "repair" or "restart" when isHost:
                    hostDown[e.Subject]--;
                    Claim(e, HostUp(e.Subject));
                    break;
                case "ha-restart":
                    // HA restart: the guest leaves its failed host for the named one and is down there until its
                    // boot's `restart` (docs/simulation.md, "HA restart").
                    var moved = guests[e.Subject];
                    moved.Host = HaTarget().Match(e.Detail).Groups[1].Value;
                    moved.Down++;
                    if (!pending.TryGetValue(e.Subject, out var booting))
                    {
                        pending[e.Subject] = booting = new Queue<List<Guest>>();
                    }

                    booting.Enqueue([moved]);
                    break;
                case "restart":
                    var restarted = pending[e.Subject].Dequeue();
                    restarted.ForEach(g => g.Down--);
                    Claim(e, restarted.All(GuestUp));
                    break;
                default:
                    break;
            }
        }

        void Claim(EventRecord e, bool up)
        {
            var saysUp = e.Detail.Contains("back up", StringComparison.Ordinal);
            if (saysUp != up)
            {
                contradictions.Add($"{e.Time}: {e.Kind} of {e.Subject} says '{e.Detail}', but it is {(up ? "up" : "down")}");
            }
        }

        var hostDowntime = hostDown.Keys.ToDictionary(h => h, _ => 0L, StringComparer.Ordinal);
        var hostSince = new Dictionary<string, long>(StringComparer.Ordinal);
        var appDowntime = applications.ToDictionary(a => a, _ => 0L, StringComparer.Ordinal);
        var outages = applications.ToDictionary(a => a, _ => new List<(long, long)>(), StringComparer.Ordinal);
        var appSince = new Dictionary<string, long>(StringComparer.Ordinal);

        void Observe(long now)
        {
            foreach (var host in hostDown.Keys)
            {
                var up = HostUp(host);
                if (!up && !hostSince.ContainsKey(host))
                {
                    hostSince[host] = now;
                }
                else if (up && hostSince.Remove(host, out var since))
                {
                    hostDowntime[host] += now - since;
                }
            }

            foreach (var app in applications)
            {
                var up = guests.Values.Any(g => g.Serves(app) && GuestUp(g));
                if (!up && !appSince.ContainsKey(app))
                {
                    appSince[app] = now;
                }
                else if (up && appSince.Remove(app, out var since) && now > since)
                {
                    appDowntime[app] += now - since;
                    outages[app].Add((since, now));
                }
            }
        }

        foreach (var (time, _, apply) in actions.OrderBy(a => a.Time).ThenBy(a => a.Order))
        {
            apply();
            Observe(time);
        }

        foreach (var (host, since) in hostSince)
        {
            hostDowntime[host] += result.Duration - since;
        }

        foreach (var (app, since) in appSince)
        {
            if (result.Duration > since)
            {
                appDowntime[app] += result.Duration - since;
                outages[app].Add((since, result.Duration));
            }
        }

        return new Replayed(hostDowntime, appDowntime, outages, contradictions);
    }

    /// <summary>
    /// The replay against the tables: the same downtime for every host (exactly) and application, and the same
    /// outages (to the log's 0.1 ms of a migration's pause), and no contradiction.
    /// </summary>
    public static void AssertConsistent(Topology topology, SimulationResult result, string what)
    {
        var replayed = Replay(topology, result);
        Assert.True(replayed.Contradictions.Count == 0, $"{what}: {string.Join("; ", replayed.Contradictions)}");
        const double Tolerance = 1e-4; // minutes: a migration's pause is logged to 0.1 ms
        foreach (var host in result.Hosts)
        {
            var derived = replayed.HostDowntime[host.Name] / 60e6;
            Assert.True(Math.Abs(derived - host.DowntimeMinutes) < 1e-9, $"{what}: host {host.Name} down {host.DowntimeMinutes} min in the table, {derived} by its log");
        }

        foreach (var app in result.Applications)
        {
            var derived = replayed.ApplicationDowntime[app.Name] / 60e6;
            Assert.True(Math.Abs(derived - app.DowntimeMinutes) < Tolerance, $"{what}: {app.Name} down {app.DowntimeMinutes} min in the table, {derived} by its log");
            var outages = replayed.Outages[app.Name].Select(o => (From: o.From / 60e6, To: o.To / 60e6)).ToList();
            Assert.True(outages.Count == app.Outages.Count, $"{what}: {app.Name} has {app.Outages.Count} outages in the table, {outages.Count} by its log");
            for (var i = 0; i < outages.Count; i++)
            {
                Assert.True(Math.Abs(outages[i].From - app.Outages[i].From) < Tolerance && Math.Abs(outages[i].To - app.Outages[i].To) < Tolerance,
                    $"{what}: {app.Name}'s outage {app.Outages[i]} in the table is {outages[i]} by its log");
            }
        }
    }

    private static double? PausedMs(string detail)
    {
        var match = Paused().Match(detail);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(?:downtime|paused) ([0-9]+(?:\.[0-9]+)?) ms")]
    private static partial Regex Paused();

    [GeneratedRegex(@"^from [^ ]+ to ([^ ]+) ")]
    private static partial Regex HaTarget();

    [GeneratedRegex(@"^now on ([^;]+);")]
    private static partial Regex NowOn();

    [GeneratedRegex(@"^[0-9]+ hosts? down \(([^)]*)\)")]
    private static partial Regex SiteHosts();
}
