using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>The real <c>vdl sweep</c> on a model with sites: per-site downtime and failovers in every output.</summary>
public sealed class SweepSitesEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-sweep-sites-");

    public void Dispose() => _temporary.Dispose();

    private static string Availability => Path.Combine(RepositoryPaths.Examples, "availability.vdl");

    private static JsonElement Site(JsonElement root, string name) =>
        root.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    [Fact]
    public void A_scripted_site_outage_gives_each_site_its_hosts_downtime_failovers_and_wait()
    {
        // fra is lost for 6 h with no random failure: its two hosts are down 360 min each, shop and orders fail over to
        // ams after their rto (15 min and 1 h), in every replication alike.
        var result = VdlProcess.Run(_temporary.Path, "sweep", Availability, "--scenario", "fra-outage", "--runs", "3", "--json", "-", "--csv", "out", "--report", "r.html");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var fra = Site(json.RootElement, "fra");
        Assert.Equal(720, fra.GetProperty("hostDowntimeMinutes").GetProperty("mean").GetDouble());
        Assert.Equal(720, fra.GetProperty("hostDowntimeMinutes").GetProperty("p95").GetDouble());
        Assert.Equal(2, fra.GetProperty("failovers").GetProperty("mean").GetDouble());
        Assert.Equal(2, fra.GetProperty("failovers").GetProperty("max").GetInt64());
        Assert.Equal(75, fra.GetProperty("failoverWaitMinutes").GetProperty("mean").GetDouble());
        var ams = Site(json.RootElement, "ams");
        Assert.Equal(0, ams.GetProperty("hostDowntimeMinutes").GetProperty("max").GetDouble());
        Assert.Equal(0, ams.GetProperty("failovers").GetProperty("max").GetInt64());

        var rows = File.ReadAllLines(Path.Combine(_temporary.Path, "out", "sites.csv"));
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("site,replications,host_downtime_mean_minutes,", rows[0], StringComparison.Ordinal);
        Assert.Equal("fra,3,720,720,720,720,2,2,75,75,75", rows[1]);
        Assert.Equal("ams,3,0,0,0,0,0,0,0,0,0", rows[2]);

        Assert.Matches(@"\n  fra +720 / 720 +2 / 2 +75 / 75\r?\n", result.Error);
        var html = File.ReadAllText(Path.Combine(_temporary.Path, "r.html"));
        Assert.Contains("<section id=\"sites\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>fra</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_failures_spread_the_site_figures_and_the_bytes_do_not_depend_on_the_threads()
    {
        const int Runs = 40;
        var one = VdlProcess.Run(_temporary.Path, "sweep", Availability, "--runs", "40", "--json", "-", "--parallel", "1");
        Assert.True(one.ExitCode == 0, one.ToString());
        var two = VdlProcess.Run(_temporary.Path, "sweep", Availability, "--runs", "40", "--json", "-", "--parallel", "2");
        Assert.Equal(one.Output, two.Output);

        using var json = JsonDocument.Parse(one.Output);
        foreach (var site in json.RootElement.GetProperty("sites").EnumerateArray())
        {
            var down = site.GetProperty("hostDowntimeMinutes");
            Assert.InRange(down.GetProperty("p95").GetDouble(), down.GetProperty("p50").GetDouble(), down.GetProperty("max").GetDouble());
            var failovers = site.GetProperty("failovers");
            var mean = failovers.GetProperty("mean").GetDouble();
            Assert.InRange(mean, 0, failovers.GetProperty("max").GetInt64());
            Assert.Equal(Math.Round(mean * Runs), mean * Runs, 6); // a whole number of failovers over the replications
        }

        // A month of random machine failures: some replications lose hosts in each site, some do not.
        Assert.All(["fra", "ams"], name => Assert.True(Site(json.RootElement, name).GetProperty("hostDowntimeMinutes").GetProperty("max").GetDouble() > 0));
    }

    [Fact]
    public void A_model_without_sites_keeps_its_json_and_has_an_empty_sites_csv()
    {
        var result = VdlProcess.Run(_temporary.Path, "sweep", Path.Combine(RepositoryPaths.Examples, "datacenter.vdl"), "--runs", "2", "--json", "-", "--csv", "out");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.False(json.RootElement.TryGetProperty("sites", out _));
        Assert.Single(File.ReadAllLines(Path.Combine(_temporary.Path, "out", "sites.csv")));
    }
}
