using System.Text.Json;

namespace VirtLang.Cli.Tests;

/// <summary>The real <c>vdl sweep</c> process: replications of a scenario, aggregated, printed and written.</summary>
public sealed class SweepEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-sweep-");

    private string WorkingDirectory => _temporary.Path;

    public void Dispose() => _temporary.Dispose();

    private string Datacenter => Path.Combine(RepositoryPaths.Examples, "datacenter.vdl");

    [Fact]
    public void A_sweep_writes_parseable_json_on_standard_output_and_the_same_bytes_twice()
    {
        var first = VdlProcess.Run(WorkingDirectory, "sweep", Datacenter, "--runs", "20", "--json", "-");
        Assert.True(first.ExitCode == 0, first.ToString());
        using var json = JsonDocument.Parse(first.Output);
        var root = json.RootElement;
        Assert.Equal("virtlang.sweep/1", root.GetProperty("schema").GetString());
        Assert.Equal("black-friday", root.GetProperty("scenario").GetString());
        Assert.Equal(42UL, root.GetProperty("baseSeed").GetUInt64());
        Assert.Equal(20, root.GetProperty("replications").GetInt32());
        Assert.Equal(5, root.GetProperty("hosts").GetArrayLength());
        var web = root.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "web");
        var availability = web.GetProperty("availability");
        Assert.InRange(availability.GetProperty("mean").GetDouble(), availability.GetProperty("low").GetDouble(), availability.GetProperty("high").GetDouble());
        Assert.Equal(20, web.GetProperty("downtimeHistogram").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));

        // People's text goes to standard error when the JSON takes standard output.
        Assert.Contains("Sweep of `black-friday`: 20 replications", first.Error, StringComparison.Ordinal);

        var second = VdlProcess.Run(WorkingDirectory, "sweep", Datacenter, "--runs", "20", "--json", "-", "--parallel", "1");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Output, second.Output);

        var reseeded = VdlProcess.Run(WorkingDirectory, "sweep", Datacenter, "--runs", "20", "--json", "-", "--seed", "7");
        Assert.Equal(0, reseeded.ExitCode);
        Assert.NotEqual(first.Output, reseeded.Output);
    }

    [Fact]
    public void A_sweep_writes_csv_files_and_a_self_contained_report()
    {
        var result = VdlProcess.Run(WorkingDirectory, "sweep", Datacenter, "--runs", "3", "--csv", "out", "--report", "sweep.html");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Sweep of `black-friday`: 3 replications", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  web +99\.950 % \[", result.Output);
        Assert.DoesNotContain("replications, about", result.Error, StringComparison.Ordinal); // no progress bar on a pipe

        var applications = File.ReadAllLines(Path.Combine(WorkingDirectory, "out", "applications.csv"));
        Assert.StartsWith("application,replications,availability_mean,", applications[0], StringComparison.Ordinal);
        Assert.Equal(5, applications.Length); // four applications
        Assert.True(File.Exists(Path.Combine(WorkingDirectory, "out", "hosts.csv")));
        Assert.Single(File.ReadAllLines(Path.Combine(WorkingDirectory, "out", "expectations.csv"))); // the header: no expect yet
        Assert.True(File.Exists(Path.Combine(WorkingDirectory, "out", "downtime_histogram.csv")));

        var html = File.ReadAllText(Path.Combine(WorkingDirectory, "sweep.html"));
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Downtime of web over the replications\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--runs", "1000001")]
    [InlineData("--runs", "many")]
    [InlineData("--parallel", "0")]
    public void Out_of_range_numbers_are_usage_errors(string option, string value)
    {
        string[] args = option == "--runs" ? ["sweep", Datacenter, option, value] : ["sweep", Datacenter, "--runs", "2", option, value];
        var result = VdlProcess.Run(WorkingDirectory, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} takes a whole number from 1 to", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_usage_errors_exit_2_before_anything_runs()
    {
        var missing = VdlProcess.Run(WorkingDirectory, "sweep", Datacenter);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--runs", missing.Error, StringComparison.Ordinal);

        var csv = VdlProcess.Run(WorkingDirectory, "sweep", Datacenter, "--runs", "2", "--csv", "-");
        Assert.Equal(2, csv.ExitCode);
        Assert.Contains("--csv writes a folder", csv.Error, StringComparison.Ordinal);

        var scenario = VdlProcess.Run(WorkingDirectory, "sweep", Datacenter, "--runs", "2", "--scenario", "nope");
        Assert.Equal(2, scenario.ExitCode);
        Assert.Contains("no scenario `nope`: the model has black-friday", scenario.Error, StringComparison.Ordinal);

        var model = Path.Combine(WorkingDirectory, "model.vdl");
        File.Copy(Datacenter, model);
        var before = File.ReadAllText(model);
        var overwrite = VdlProcess.Run(WorkingDirectory, "sweep", "model.vdl", "--runs", "2", "--json", "model.vdl");
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Contains("would overwrite", overwrite.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(model));
    }

    [Fact]
    public void A_trace_the_model_reads_is_an_input_no_output_may_replace()
    {
        _temporary.Write("load.csv", "0m,50%\n60m,20%\n");
        var hosted = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "hosted.vdl"));
        _temporary.Write("model.vdl", System.Text.RegularExpressions.Regex.Replace(hosted, @"profile\s*=\s*[a-z_]+\([^)]*\)", "profile = trace(\"load.csv\")"));
        var result = VdlProcess.Run(WorkingDirectory, "sweep", "model.vdl", "--runs", "2", "--report", "load.csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("would overwrite", result.Error, StringComparison.Ordinal);
        Assert.Equal("0m,50%\n60m,20%\n", File.ReadAllText(Path.Combine(WorkingDirectory, "load.csv")));

        var ok = VdlProcess.Run(WorkingDirectory, "sweep", "model.vdl", "--runs", "2");
        Assert.True(ok.ExitCode == 0, ok.ToString());
    }

    [Fact]
    public void A_model_with_errors_exits_1_with_its_diagnostics()
    {
        _temporary.Write("broken.vdl", "host h {\n  hypervisor = nonsense\n}\n");
        var result = VdlProcess.Run(WorkingDirectory, "sweep", "broken.vdl", "--runs", "2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing was simulated", result.Output, StringComparison.Ordinal);
    }
}
