using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// Sites and disaster recovery through the real <c>vdl</c>: two sites with one replica each, site a down 2 h, rto 15m.
/// The application's demand in site a is unserved for exactly the failover's 15 minutes, then served in site b.
/// </summary>
public sealed class SitesEndToEndTests : IDisposable
{
    private const string Model = """
        os linux {
          family = linux
        }

        site a {
          location = "Frankfurt"
        }

        site b {
          location = "Dublin"
        }

        app web {
          replicas = 2
          rto      = 15m
          demand {
            cpu    = 1
            memory = 1GiB
          }
        }

        hardware box {
          cpu {
            cores = 8
          }
          memory = 64GiB
        }

        host web-a : box {
          site = a
          os   = linux
          runs = [web]
        }

        host web-b : box {
          site = b
          os   = linux
          runs = [web]
        }

        scenario dr {
          duration = 1d
          at 8h fail site a for 2h
        }

        """;

    private readonly TemporaryDirectory _temporary = new("vdl-sites-");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void AFailedSiteFailsOverAfterItsRtoAndBack()
    {
        File.WriteAllText(Path.Combine(_temporary.Path, "dr.vdl"), Model);
        var result = VdlProcess.Run(_temporary.Path, "run", "dr.vdl", "--json", "out.json", "--csv", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("site-fail    a        1 host down (web-a) with 1 application on the host; repaired after 2h", result.Output, StringComparison.Ordinal);
        Assert.Contains("failover     web      from site a to b after 15m (its rto)", result.Output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temporary.Path, "out.json")));
        var root = json.RootElement;
        var events = root.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("minute").GetDouble(), e.GetProperty("kind").GetString(), e.GetProperty("subject").GetString())).ToList();
        Assert.Equal([(480.0, "site-fail", "a"), (495.0, "failover", "web"), (600.0, "site-repair", "a"), (600.0, "failback", "web")], events);

        // Exactly 15 minutes unserved, then site b serves it until site a is back.
        var failover = Assert.Single(root.GetProperty("failovers").EnumerateArray().ToList());
        Assert.Equal("web", failover.GetProperty("application").GetString());
        Assert.Equal("a", failover.GetProperty("fromSite").GetString());
        Assert.Equal(["b"], failover.GetProperty("toSites").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(480, failover.GetProperty("lostAtMinute").GetDouble());
        Assert.Equal(495, failover.GetProperty("failoverAtMinute").GetDouble());
        Assert.Equal(600, failover.GetProperty("backAtMinute").GetDouble());
        Assert.Equal(15, failover.GetProperty("waitMinutes").GetDouble());

        // With 5 % noise on each step's demand, about 15 minutes of one core of 48 core-hours is unserved: 0.25 ± noise.
        var web = root.GetProperty("applications")[0];
        var unserved = web.GetProperty("demandCoreHours").GetDouble() - web.GetProperty("deliveredCoreHours").GetDouble();
        Assert.InRange(unserved, 0.22, 0.28);
        Assert.Equal(1, web.GetProperty("availability").GetDouble());
        Assert.Equal(["a", "b"], root.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("Dublin", root.GetProperty("sites")[1].GetProperty("location").GetString());

        // The same sites and failover in the CSV files, the JSON's nulls as empty cells.
        Assert.Equal(["site,location,hosts,host_names", "a,Frankfurt,1,web-a", "b,Dublin,1,web-b"], File.ReadAllLines(Path.Combine(_temporary.Path, "csv", "sites.csv")));
        Assert.Equal(["application,from_site,to_sites,lost_at_minute,failover_at_minute,back_at_minute,wait_minutes", "web,a,b,480,495,600,15"],
            File.ReadAllLines(Path.Combine(_temporary.Path, "csv", "failovers.csv")));
    }

    [Fact]
    public void CheckWarnsWhenEveryReplicaIsInOneSite()
    {
        File.WriteAllText(Path.Combine(_temporary.Path, "one.vdl"), Model.Replace("site = b\n", "site = a\n", StringComparison.Ordinal) + "host spare : box {\n  site = b\n}\n");
        var result = VdlProcess.Run(_temporary.Path, "check", "one.vdl");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning[VDL4009]: every replica of app `web` (2 places) is in site `a`, while the model has hosts in 2 sites", result.Output, StringComparison.Ordinal);
    }
}
