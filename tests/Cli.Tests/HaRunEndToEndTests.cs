using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>
/// HA restart through the real <c>vdl run</c> (issue 13, items 2 and 8): the VM on a failed host of a two-host
/// HA cluster is down exactly the restart delay plus its boot, then serves on the other host; a full cluster reports why.
/// </summary>
public sealed class HaRunEndToEndTests : IDisposable
{
    private const string Model = """
        hardware r650 {
          cpu {
            cores    = 16
            clock    = 2.5GHz
            features = [vtx, ept]
          }
          memory = 256GiB
        }

        app web {
          demand {
            cpu    = 2
            memory = 4GiB
          }
        }

        host esx-01 : r650 {
          hypervisor {
            kind = bare_metal
          }
          vm web-1 {
            vcpus  = 4
            memory = VM_MEMORY
            runs   = [web]
          }
        }

        host esx-02 : r650 {
          hypervisor {
            kind = bare_metal
          }
          vm other {
            vcpus  = 2
            memory = OTHER_MEMORY
          }
        }

        cluster prod {
          hosts = [esx-01, esx-02]
          policy {
            ha                = true
            restart_delay     = 30s
            admission_reserve = 0%
          }
        }

        scenario outage {
          duration = 1d
          at 8h fail esx-01 for 4h
        }

        """;

    private readonly TemporaryDirectory _temporary = new("vdl-ha-");

    public void Dispose() => _temporary.Dispose();

    private string Write(string vmMemory, string otherMemory)
    {
        File.WriteAllText(Path.Combine(_temporary.Path, "ha.vdl"), Model.Replace("OTHER_MEMORY", otherMemory, StringComparison.Ordinal).Replace("VM_MEMORY", vmMemory, StringComparison.Ordinal));
        return "ha.vdl";
    }

    [Fact]
    public void The_vm_of_a_failed_host_is_down_for_the_policy_s_delay_and_its_boot_then_serves_elsewhere()
    {
        var result = VdlProcess.Run(_temporary.Path, "run", Write("8GiB", "4GiB"), "--json", "out.json");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("ha-restart  web-1    from esx-01 to esx-02", result.Output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temporary.Path, "out.json")));
        var web = json.RootElement.GetProperty("applications").EnumerateArray().Single();

        // 30 s of restart delay (the policy) and 60 s of VM boot (FaultTimings.VmRestart), not the 4 h of repair.
        Assert.Equal(1.5, web.GetProperty("downtimeMinutes").GetDouble(), 9);
        var restart = json.RootElement.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "ha-restart");
        Assert.Equal("web-1", restart.GetProperty("subject").GetString());
        Assert.Equal(480.5, restart.GetProperty("minute").GetDouble(), 9);
        Assert.StartsWith("from esx-01 to esx-02 ", restart.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var hosts = json.RootElement.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("guests").GetInt32());
        Assert.Equal(0, hosts["esx-01"]);
        Assert.Equal(2, hosts["esx-02"]);
    }

    [Fact]
    public void A_full_cluster_reports_the_failed_restart_and_its_reason()
    {
        var file = Write("8GiB", "250GiB");
        var check = VdlProcess.Run(_temporary.Path, "check", file);
        Assert.Contains("warning[VDL4007]", check.Output, StringComparison.Ordinal);

        var result = VdlProcess.Run(_temporary.Path, "run", file, "--json", "-");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var failed = json.RootElement.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "ha-failed");
        Assert.Equal("web-1", failed.GetProperty("subject").GetString());
        Assert.Contains("needs 8", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("(esx-02)", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(240, json.RootElement.GetProperty("applications")[0].GetProperty("downtimeMinutes").GetDouble(), 9);
    }
}
