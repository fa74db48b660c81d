using VirtLang.Compiler.Sources;

namespace VirtLang.Compiler.Tests;

public sealed class SuppressionCommentTests
{
    private static string[] Codes(string model)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = model });
        provider.TryRead("m.vdl", out var text, out _);
        return [.. ModelCompilation.Create([text!], provider).Diagnostics.Where(d => d.Code[3] is '0' or '1').Select(d => $"{d.Location.Start.Line} {d.Code}")];
    }

    [Fact]
    public void NoCommentSilencesAnErrorThatGuardsTheRun() =>
        Assert.Equal(["4 VDL1032"], Codes("scenario s {\n  duration = 1d\n  // vdl-disable-next-line VDL1032\n  step = 0s\n}\n"));

    [Fact]
    public void ACommentSilencesItsCodesOnTheNextLine()
    {
        Assert.Empty(Codes("hardware h {\n  // vdl-disable-next-line VDL1010\n  memroy = 1GiB\n}\n"));
        Assert.Empty(Codes("hardware h {\n  // vdl-disable-next-line VDL1012, VDL1010\n  memroy = 1GiB\n}\n"));
        Assert.Empty(Codes("hardware h {\n  //vdl-disable-next-line\n  memroy = 1GiB\n}\n")); // no code: every code
    }

    [Fact]
    public void NearMissesStillReport()
    {
        // Another code, a comment two lines above, or an ordinary comment do not silence anything.
        Assert.Equal(["3 VDL1010"], Codes("hardware h {\n  // vdl-disable-next-line VDL1012\n  memroy = 1GiB\n}\n"));
        Assert.Equal(["4 VDL1010"], Codes("hardware h {\n  // vdl-disable-next-line VDL1010\n  memory = 1GiB\n  memroy = 1GiB\n}\n"));
        Assert.Equal(["3 VDL1010"], Codes("hardware h {\n  // disable VDL1010\n  memroy = 1GiB\n}\n"));
    }

    [Fact]
    public void AnEndOfLineCommentSilencesTheLineAfterIt()
    {
        Assert.Empty(Codes("hardware h { // vdl-disable-next-line VDL1010\n  memroy = 1GiB\n}\n"));
        Assert.Equal(["3 VDL1010"], Codes("hardware h { // vdl-disable-next-line VDL1010\n  memory = 1GiB\n  memroy = 1GiB\n}\n"));
    }
}
