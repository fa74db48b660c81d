using System.Text.RegularExpressions;
using VirtLang.Compiler.Diagnostics;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// examples/broken: one model per checker code, each with the mistake and a near miss that must stay silent. The
/// model's own header says what it must report (<c>// expect: CODE at LINE:COLUMN: MESSAGE</c>); the test holds it to
/// exactly that list: a missing diagnostic, an extra one, one at another place or one with another message fails.
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
        var expectations = File.ReadLines(path).Select(l => Expectation().Match(l)).Where(m => m.Success).ToList();
        // The message is part of the expectation: a header that omits it would let a garbled message pass.
        var withoutMessage = expectations.Where(m => !m.Groups[3].Success).Select(m => m.Value).ToList();
        Assert.True(withoutMessage.Count == 0, "expectations without their message (write `// expect: CODE at L:C: message`): " + string.Join("; ", withoutMessage));
        var expected = expectations.Select(m => $"{m.Groups[1].Value} at {m.Groups[2].Value}: {m.Groups[3].Value}").ToList();
        var code = Path.GetFileNameWithoutExtension(path);
        Assert.Contains(expected, e => e.StartsWith(code + " ", StringComparison.Ordinal));

        // Messages that name a file the checker could not read give its full path, which depends on the checkout.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var actual = ModelCompilation.FromFiles([path]).Diagnostics
            .Select(d => $"{(Path.GetFullPath(d.Location.Path) == Path.GetFullPath(path) ? string.Empty : Path.GetFileName(d.Location.Path) + ": ")}{d.Code} at {d.Location.Start.Line}:{d.Location.Start.Column}: {d.Message.Replace(folder + Path.DirectorySeparatorChar, "{folder}/", StringComparison.Ordinal)}")
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

    /// <summary><c>// expect: CODE at LINE:COLUMN: MESSAGE</c>; the older form without the message is recognised so that the test can name it.</summary>
    [GeneratedRegex(@"^// expect: (VDL\d{4}) at (\d+:\d+)(?:: (.+))?$")]
    private static partial Regex Expectation();
}
