using System.Text.Json;
using VirtLang.Runtime.Engine;
using VirtLang.Runtime.Kernel;
using VirtLang.Runtime.Model;
using VirtLang.Runtime.Profiles;
using VirtLang.Runtime.Results;
using VirtLang.Runtime.Scenarios;
using VirtLang.Tests.Shared;

namespace VirtLang.Runtime.Tests;

public class ResultWriterTests
{
    /// <summary>The sample of docs/simulation.md ("Driving it from C#"), as written there.</summary>
    private static SimulationResult DocumentedRun()
    {
        var web = new ApplicationSpec { Name = "web", Cpu = 2, Profile = new DiurnalProfile(0.7, 0.1), Io = IoClass.Moderate };
        var host = new HostSpec
        {
            Name = "esx-01",
            Cpu = new CpuSpec(2, 16, 2, 2.6, CpuFeatures.Vtx | CpuFeatures.Ept),
            MemoryBytes = 384L << 30,
            Nics = [new NicSpec("eth0", 25e9, "mlx5")],
            Hypervisor = new HypervisorSpec(HypervisorKind.BareMetal, Acceleration.Hardware),
            Guests = [new VirtualMachineSpec { Name = "web-1", Vcpus = 4, MemoryBytes = 8L << 30, Runs = [web] }],
        };
        return Simulator.Run(new Topology { Hosts = [host] },
            new ScenarioSpec { Name = "day", Duration = SimTime.TicksPerDay, Events = [new CrashEvent(3 * SimTime.TicksPerHour, "web-1")] });
    }

    [Fact]
    public void The_json_follows_the_documented_schema()
    {
        using var document = JsonDocument.Parse(ResultJsonWriter.ToJson(DocumentedRun()));
        var root = document.RootElement;
        Assert.Equal(
            ["schema", "scenario", "seed", "durationMinutes", "stepMinutes", "steps", "fingerprint", "consolidation", "hosts", "applications", "events"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("virtlang.simulation/1", root.GetProperty("schema").GetString());
        var host = root.GetProperty("hosts")[0];
        Assert.Equal("nested_paging", host.GetProperty("mode").GetString());
        Assert.InRange(host.GetProperty("utilization").GetProperty("mean").GetDouble(), 0.01, 0.05);
        var app = root.GetProperty("applications")[0];
        Assert.Equal(1, app.GetProperty("downtimeMinutes").GetDouble(), 9);
        Assert.Equal(180, app.GetProperty("outages")[0].GetProperty("fromMinute").GetDouble());
        Assert.Equal(["crash", "restart"], root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public void The_csv_files_are_written_with_their_documented_columns()
    {
        using var directory = new TemporaryDirectory("vdl-results");
        var written = ResultCsvWriter.Write(DocumentedRun(), directory.Path);
        Assert.Equal(["hosts.csv", "applications.csv", "events.csv", "utilization.csv"], written.Select(Path.GetFileName));
        var utilization = File.ReadAllLines(Path.Combine(directory.Path, "utilization.csv"));
        Assert.Equal("minute,esx-01", utilization[0]);
        Assert.Equal(1 + 1440, utilization.Length);
        Assert.StartsWith("application,replicas,instances,", File.ReadAllText(Path.Combine(directory.Path, "applications.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_text_is_quoted_and_never_a_formula()
    {
        var result = DocumentedRun() with
        {
            Events = [new EventRecord(0, "patch", "=HYPERLINK(\"x\")", "a, \"quoted\"\nline")],
        };
        var writer = new StringWriter { NewLine = "\n" };
        ResultCsvWriter.WriteEvents(result, writer);
        Assert.Equal("minute,kind,subject,detail\n0,patch,\"'=HYPERLINK(\"\"x\"\")\",\"a, \"\"quoted\"\"\nline\"\n", writer.ToString());
    }
}
