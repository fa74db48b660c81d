using VirtLang.Language.Diagnostics;

namespace VirtLang.Compiler.Tests;

/// <summary>vdlconfig.json: severities per code from the nearest file, and its own problems as located diagnostics.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("vdl-config-");

    public void Dispose() => _temporary.Dispose();

    private string[] Check(string modelPath) =>
        [.. ModelCompilation.FromFiles([Path.Combine(_temporary.Path, modelPath)]).Diagnostics
            .Where(d => d.Code[3] is '0' or '1') // the models here are fragments; advice on them is beside the point
            .Select(d => $"{Path.GetFileName(d.Location.Path)}({d.Location.Start.Line},{d.Location.Start.Column}) {Diagnostic.SeverityWord(d.Severity)} {d.Code}")];

    [Fact]
    public void TheNearestConfigurationSetsSeverities()
    {
        Directory.CreateDirectory(Path.Combine(_temporary.Path, "sub"));
        _temporary.Write("vdlconfig.json", "{ \"severity\": { \"VDL1010\": \"warning\" } }");
        _temporary.Write("sub/vdlconfig.json", "// only the nearest applies\n{ \"severity\": { \"vdl1010\": \"none\", }, }");
        _temporary.Write("top.vdl", "hardware h {\n  memroy = 1GiB\n}\n");
        _temporary.Write("sub/inner.vdl", "hardware h {\n  memroy = 1GiB\n}\n");

        Assert.Equal(["top.vdl(2,3) warning VDL1010"], Check("top.vdl"));
        Assert.Empty(Check("sub/inner.vdl"));
    }

    [Fact]
    public void AnErrorThatGuardsTheRunCannotBeLowered()
    {
        // `step = 0s` silenced, the check passed and run refused the model: check and run must agree (issue 16).
        _temporary.Write("vdlconfig.json", "{\n  \"severity\": {\n    \"VDL1032\": \"none\",\n    \"VDL0010\": \"warning\",\n    \"VDL1010\": \"warning\"\n  }\n}\n");
        _temporary.Write("m.vdl", "hardware h {\n  memroy = 1GiB\n}\nscenario s {\n  duration = 1d\n  step     = 0s\n}\n");

        // VDL1032 and the front-end's VDL0010 keep their severity (each refusal is a VDL0050); VDL1010 may be lowered.
        Assert.Equal(["m.vdl(2,3) warning VDL1010", "m.vdl(6,14) error VDL1032", "vdlconfig.json(3,16) error VDL0050", "vdlconfig.json(4,16) error VDL0050"],
            Check("m.vdl").Order(StringComparer.Ordinal));
        Assert.Contains(ModelCompilation.FromFiles([Path.Combine(_temporary.Path, "m.vdl")]).Diagnostics, d => d.Code == "VDL0050" && d.Message.Contains("VDL1032 stays an error", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAConfigurationTheDefaultsApply()
    {
        _temporary.Write("m.vdl", "hardware h {\n  memroy = 1GiB\n}\n");
        Assert.Equal(["m.vdl(2,3) error VDL1010"], Check("m.vdl"));
    }

    [Fact]
    public void BrokenJsonIsADiagnosticInTheJsonAndTheDefaultsApply()
    {
        _temporary.Write("vdlconfig.json", "{\n  \"severity\": {\n    \"VDL1010\": warning\n  }\n}\n");
        _temporary.Write("m.vdl", "hardware h {\n  memroy = 1GiB\n}\n");
        Assert.Equal(["m.vdl(2,3) error VDL1010", "vdlconfig.json(3,16) error VDL0050"], Check("m.vdl"));
    }

    [Fact]
    public void UnknownSettingsCodesAndSeveritiesAreEachReportedWhereTheyAre()
    {
        _temporary.Write("vdlconfig.json", "{\n  \"severty\": {},\n  \"severity\": {\n    \"VDL1101\": \"none\",\n    \"VDL1010\": \"warn\",\n    \"VDL1014\": \"none\"\n  }\n}\n");
        _temporary.Write("m.vdl", "hardware h {\n  memroy = 1GiB\n  memory = 1GiB\n  memory = 2GiB\n}\n");
        var diagnostics = ModelCompilation.FromFiles([Path.Combine(_temporary.Path, "m.vdl")]).Diagnostics;
        var config = diagnostics.Where(d => d.Code == "VDL0050").Select(d => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Message}").ToList();
        Assert.Equal(
            [
                "(2,3) vdlconfig.json: unknown setting \"severty\" (did you mean \"severity\"?); the settings are: severity; the defaults apply instead",
                "(4,5) vdlconfig.json: unknown diagnostic code \"VDL1101\" (did you mean VDL1001?); the defaults apply instead",
                "(5,16) vdlconfig.json: the severity of VDL1010 must be one of error, warning, info, none, not \"warn\"; the defaults apply instead",
            ],
            config);
        // What was valid still applies (VDL1014 silenced); what was not keeps its default (VDL1010 an error).
        Assert.Equal(["VDL1010"], diagnostics.Where(d => d.Code != "VDL0050" && d.Code[3] is '0' or '1').Select(d => d.Code));
        Assert.True(diagnostics.Single(d => d.Code == "VDL1010").IsError);
    }
}
