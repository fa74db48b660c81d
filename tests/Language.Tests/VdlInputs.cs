using FsCheck;
using FsCheck.Fluent;

namespace VirtLang.Language.Tests;

/// <summary>A generated input; printed escaped so a failing case can be read and pasted into a baseline.</summary>
public sealed record VdlInput(string Text)
{
    public override string ToString() => Syntax.SyntaxDumper.Quote(Text);
}

/// <summary>
/// Generators for property tests: token soups built from the language's own fragments (and hostile characters),
/// and real files (examples, baselines) with random edits — the inputs an editor produces while someone types.
/// </summary>
public static class VdlInputs
{
    private static readonly string[] Fragments =
    [
        "host", "vm", "container", "os", "app", "scenario", "cluster", "hardware", "import", "cpu", "demand",
        "requires", "hypervisor", "at", "scale", "fail", "for", "crash", "migrate", "to", "patch", "esx-01", "x-", "_a",
        "expect", "availability", "served", "p95", "utilization", "web", ">=", ">", "<=", "<", "99.95%",
        " ", " ", "  ", "\n", "\n", "\r\n", "\r", "\t", "{", "}", "[", "]", "(", ")", ",", ":", ";", "=", "..", ".", "-",
        "\"", "\\", "/", "*", "//", "/*", "*/", "// c\n", "/* c */",
        "4", "16GiB", "2.6GHz", "3GB/s", "4d12h", "70%", "2.5", "500_000", "1_", "12GX", "0",
        "\"8.6\"", "\">= 8.6, < 9\"", "\"2024.03\"", "\"a\\\"b\"", "\"x\\q\"",
        "@", "#", "$", "é", "\uD83D\uDE00", "\uD800", "\u001b[31m", "\u00A0", "\uFEFF",
    ];

    private static readonly Lazy<string[]> Corpus = new(() =>
    [
        .. Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Order(StringComparer.Ordinal).Select(File.ReadAllText),
        .. Directory.GetDirectories(RepositoryPaths.Baselines).Order(StringComparer.Ordinal)
            .Select(d => File.ReadAllText(Path.Combine(d, "input.vdl"))),
    ]);

    public static Gen<string> TokenSoup =>
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));

    public static Gen<string> MutatedFile =>
        from index in Gen.Choose(0, Corpus.Value.Length - 1)
        from edits in Gen.Choose(1, 6)
        from seed in Gen.Choose(0, int.MaxValue)
        select Mutate(Corpus.Value[index], edits, seed);

    /// <summary>Examples and valid baselines with edits that keep them mostly valid, to reach the formatter.</summary>
    public static Gen<string> LightlyEditedFile =>
        from index in Gen.Choose(0, Corpus.Value.Length - 1)
        from seed in Gen.Choose(0, int.MaxValue)
        select LightEdit(Corpus.Value[index], seed);

    public static Arbitrary<VdlInput> Inputs() =>
        Gen.OneOf(TokenSoup, MutatedFile).Select(t => new VdlInput(t)).ToArbitrary();

    private static string Mutate(string text, int edits, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(4) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at)),
                1 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                2 when text.Length > 0 => text.Insert(at, Slice(text, random.Next(text.Length), 15)),
                _ => text.Insert(at, ((char)random.Next(0, 0x3000)).ToString()),
            };
        }

        return text;
    }

    private static string Slice(string text, int start, int length) => text.Substring(start, Math.Min(length, text.Length - start));

    /// <summary>Edits that leave the structure intact: blank lines, spaces, comments and `;` in harmless places.</summary>
    private static string LightEdit(string text, int seed)
    {
        var random = new Random(seed);
        var lines = text.Split('\n').ToList();
        for (var i = 0; i < 4; i++)
        {
            var at = random.Next(lines.Count);
            var line = lines[at];
            lines[at] = random.Next(6) switch
            {
                0 => line + "  ",
                1 => "   " + line.TrimStart(),
                2 => line.Length > 0 && !line.Contains("//", StringComparison.Ordinal) ? line + " // note " + i : line,
                3 => "/* c" + i + " */ " + line,
                4 => line + "\n",
                _ => line.TrimEnd().EndsWith('}') ? line + ";" : line,
            };
        }

        return string.Join('\n', lines);
    }
}
