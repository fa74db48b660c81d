namespace VirtLang.Cli.Tests;

/// <summary>
/// The real <c>vdl run</c>, whose cached model is built on a second thread while the model is parsed and checked (and
/// whose cold run warms Roslyn up meanwhile): the results, the text and the exit code are the ones of a run that does
/// everything in order, whatever the check then finds.
/// </summary>
public sealed class RunHeadStartEndToEndTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-head-start-");

    public void Dispose() => _temporary.Dispose();

    private string Copy(string example) => _temporary.Write(example, File.ReadAllText(Path.Combine(RepositoryPaths.Examples, example)));

    private (ChildProcess.Result Result, string? Json) Run(string model, params string[] options)
    {
        var json = Path.Combine(_temporary.Path, "results.json");
        File.Delete(json);
        var result = VdlProcess.Run(_temporary.Path, ["run", model, "--json", json, .. options]);
        return (result, File.Exists(json) ? File.ReadAllText(json) : null);
    }

    private static string WithoutTimes(string output) =>
        string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("Generated C# ", StringComparison.Ordinal)));

    [Theory]
    [InlineData("availability.vdl")]
    [InlineData("availability.vdl", "--scenario", "fra-outage")]
    [InlineData("containers.vdl", "--scenario", "kernel-panic", "--seed", "7")]
    [InlineData("datacenter.vdl", "--seed", "18446744073709551615")]
    public void AWarmRunBuiltDuringTheCheckSaysAndWritesWhatTheColdRunDid(string example, params string[] options)
    {
        var model = Copy(example);
        var (cold, coldJson) = Run(model, options);
        var (warm, warmJson) = Run(model, options);

        Assert.True(cold.ExitCode is 0 or 4, cold.Output + cold.Error);
        Assert.Contains("Generated C# compiled", cold.Output, StringComparison.Ordinal);
        Assert.Contains("Generated C# loaded from the cache", warm.Output, StringComparison.Ordinal);
        Assert.Equal(cold.ExitCode, warm.ExitCode);
        Assert.Equal(WithoutTimes(cold.Output), WithoutTimes(warm.Output));
        Assert.Equal(cold.Error, warm.Error);
        Assert.NotNull(coldJson);
        Assert.Equal(coldJson, warmJson);
    }

    [Fact]
    public void ACachedModelWhoseCheckNowFailsIsNotRun()
    {
        // The key is the model's text: a broken vdlconfig.json beside it is an error the cached entry knows nothing of.
        var model = Copy("hosted.vdl");
        Assert.Equal(0, Run(model).Result.ExitCode);
        _temporary.Write("vdlconfig.json", "{ \"sevrity\": {} }");

        var (refused, json) = Run(model);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error[VDL0050]", refused.Output, StringComparison.Ordinal);
        Assert.Contains("The model has errors: nothing was simulated.", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Generated C#", refused.Output, StringComparison.Ordinal);
        Assert.Null(json);
    }

    [Fact]
    public void AnUnknownScenarioOfACachedModelIsRefusedAsWhenCompiled()
    {
        var model = Copy("availability.vdl");
        var (cold, _) = Run(model, "--scenario", "nonesuch");
        var (warm, json) = Run(model, "--scenario", "nonesuch");

        Assert.Equal(2, cold.ExitCode);
        Assert.Equal(2, warm.ExitCode);
        Assert.Equal(cold.Error, warm.Error);
        Assert.Contains("no scenario `nonesuch`: the model has month, fra-outage", warm.Error, StringComparison.Ordinal);
        Assert.Null(json);
    }
}
