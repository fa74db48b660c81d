using System.Text.RegularExpressions;
using VirtLang.Compiler.Diagnostics;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// examples/broken: one model per checker code, each with the mistake and a near miss that must stay silent. The
/// model's own header says what it must report (<c>// expect: CODE at LINE:COLUMN</c>); the test holds it to exactly
/// that list: a missing diagnostic, an extra one, or one at another place fails.
/// </summary>
public sealed partial class BrokenExamplesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Examples, "broken");

    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder, "VDL*.vdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (ModelName().IsMatch(Path.GetFileName(path)))
            {
                data.Add(Path.GetRelativePath(Folder, path).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EachModelReportsExactlyWhatItsHeaderSays(string model)
    {
        var path = Path.Combine(Folder, model);
        var expected = File.ReadLines(path).Select(l => Expectation().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} at {m.Groups[2].Value}").ToList();
        var code = Path.GetFileNameWithoutExtension(path);
        Assert.Contains(expected, e => e.StartsWith(code + " ", StringComparison.Ordinal));

        var actual = ModelCompilation.FromFiles([path]).Diagnostics
            .Select(d => $"{(Path.GetFullPath(d.Location.Path) == Path.GetFullPath(path) ? string.Empty : Path.GetFileName(d.Location.Path) + ": ")}{d.Code} at {d.Location.Start.Line}:{d.Location.Start.Column}")
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryCheckerCodeHasABrokenModel()
    {
        var models = Directory.GetFiles(Folder, "VDL*.vdl", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var missing = CompilerDiagnostics.All.Select(d => d.Code).Where(c => c != CompilerDiagnostics.InternalError.Code && !models.Contains(c)).ToList();
        Assert.Equal([], missing);
    }

    [GeneratedRegex(@"^VDL\d{4}\.vdl$")]
    private static partial Regex ModelName();

    [GeneratedRegex(@"^// expect: (VDL\d{4}) at (\d+:\d+)$")]
    private static partial Regex Expectation();
}
