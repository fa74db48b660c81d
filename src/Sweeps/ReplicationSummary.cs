using VirtLang.Runtime.Results;

namespace VirtLang.Sweeps;

/// <summary>
/// The little a sweep keeps of one replication, in the model's order of applications and hosts: small enough to send
/// over a network and to forget once aggregated. <see cref="Expectations"/> says whether each of the scenario's
/// <c>expect</c> statements held, in the order they are written; <see cref="Sites"/> has the named sites, in the
/// model's order (none without sites).
/// </summary>
public sealed record ReplicationSummary(
    int Index,
    ulong Seed,
    IReadOnlyList<ApplicationReplication> Applications,
    IReadOnlyList<HostReplication> Hosts,
    IReadOnlyList<bool> Expectations)
{
    /// <summary>Applications, hosts or expectations in one summary: as many as a model may expand to (docs/limits.md).</summary>
    public const int MaxItems = 1_000_000;

    /// <summary>A name in a summary, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 4096;

    /// <summary>Version 2 added the sites: a worker of another version is refused by its first bytes, not misread.</summary>
    private static ReadOnlySpan<byte> Magic => "VDLREP2\0"u8;

    /// <summary>The named sites of the run, in the model's order; empty for a topology without sites.</summary>
    public IReadOnlyList<SiteReplication> Sites { get; init; } = [];

    /// <summary>
    /// The summary of replication <paramref name="index"/>, seeded <paramref name="seed"/>, from its run's result, with
    /// whether each of the result's expectations held: the simulator evaluates the scenario's <c>expect</c> statements
    /// as for <c>vdl run</c> (<c>ExpectationEvaluation</c>), in the scenario's order.
    /// </summary>
    public static ReplicationSummary From(int index, ulong seed, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ReplicationSummary(
            index,
            seed,
            [.. result.Applications.Select(a => new ApplicationReplication(a.Name, a.Availability, a.DemandSatisfied, a.DowntimeMinutes, a.MeanSlowdown))],
            [.. result.Hosts.Select(h => new HostReplication(h.Name, h.MeanUtilization, h.P95Utilization, h.DowntimeMinutes))],
            [.. result.Expectations.Select(e => e.Held)])
        {
            Sites = [.. result.Sites.Select(site => Site(site, result))],
        };
    }

    private static SiteReplication Site(SiteResult site, SimulationResult result)
    {
        var hosts = site.Hosts.ToHashSet(StringComparer.Ordinal);
        var failovers = result.Failovers.Where(f => f.FromSite == site.Name).ToList();
        return new SiteReplication(site.Name, result.Hosts.Where(h => hosts.Contains(h.Name)).Sum(h => h.DowntimeMinutes), failovers.Count,
            failovers.Sum(f => f.WaitMinutes));
    }

    /// <summary>Little-endian, doubles as their exact bits: <see cref="FromBytes"/> gives back the same numbers.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Magic);
        stream.WriteInt32(Index);
        stream.WriteUInt64(Seed);
        stream.WriteInt32(Applications.Count);
        foreach (var app in Applications)
        {
            stream.WriteString(app.Name);
            stream.WriteDouble(app.Availability);
            stream.WriteDouble(app.Served);
            stream.WriteDouble(app.DowntimeMinutes);
            stream.WriteDouble(app.MeanSlowdown);
        }

        stream.WriteInt32(Hosts.Count);
        foreach (var host in Hosts)
        {
            stream.WriteString(host.Name);
            stream.WriteDouble(host.MeanUtilization);
            stream.WriteDouble(host.P95Utilization);
            stream.WriteDouble(host.DowntimeMinutes);
        }

        stream.WriteInt32(Expectations.Count);
        foreach (var held in Expectations)
        {
            stream.WriteByte(held ? (byte)1 : (byte)0);
        }

        stream.WriteInt32(Sites.Count);
        foreach (var site in Sites)
        {
            stream.WriteString(site.Name);
            stream.WriteDouble(site.HostDowntimeMinutes);
            stream.WriteInt32(site.Failovers);
            stream.WriteDouble(site.FailoverWaitMinutes);
        }

        return stream.ToArray();
    }

    /// <exception cref="SweepDataException">The bytes are not a summary, or one past the bounds.</exception>
    public static ReplicationSummary FromBytes(ReadOnlySpan<byte> bytes)
    {
        var reader = new BoundedReader(bytes, "replication summary");
        reader.Expect(Magic);
        var index = reader.Int32();
        if (index < 0)
        {
            throw reader.Fail($"a negative index {index}");
        }

        var seed = reader.UInt64();
        var appCount = reader.Count(MaxItems, 4 + (4 * 8), "applications");
        var apps = new ApplicationReplication[appCount];
        for (var i = 0; i < appCount; i++)
        {
            apps[i] = new ApplicationReplication(reader.String(MaxNameBytes, "a name"), reader.Double(), reader.Double(), reader.Double(), reader.Double());
        }

        var hostCount = reader.Count(MaxItems, 4 + (3 * 8), "hosts");
        var hosts = new HostReplication[hostCount];
        for (var i = 0; i < hostCount; i++)
        {
            hosts[i] = new HostReplication(reader.String(MaxNameBytes, "a name"), reader.Double(), reader.Double(), reader.Double());
        }

        var expectationCount = reader.Count(MaxItems, 1, "expectations");
        var expectations = new bool[expectationCount];
        for (var i = 0; i < expectationCount; i++)
        {
            expectations[i] = reader.Byte() switch
            {
                0 => false,
                1 => true,
                var other => throw reader.Fail($"an expectation's outcome {other} (0 or 1)"),
            };
        }

        var siteCount = reader.Count(MaxItems, 4 + 8 + 4 + 8, "sites");
        var sites = new SiteReplication[siteCount];
        for (var i = 0; i < siteCount; i++)
        {
            sites[i] = new SiteReplication(reader.String(MaxNameBytes, "a name"), reader.Double(), reader.Int32(), reader.Double());
        }

        reader.ExpectEnd();
        return new ReplicationSummary(index, seed, apps, hosts, expectations) { Sites = sites };
    }
}
