using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VirtLang.Compiler.Sources;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// Bad input never breaks the checker: any edit of a real model (lines dropped, duplicated or swapped, characters
/// deleted) is bound and checked without an exception and without an internal error (VDL9001) from any rule family.
/// </summary>
public sealed class CheckerRobustnessTests
{
    private static readonly string[] Models =
    [
        .. Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Order(StringComparer.Ordinal).Select(File.ReadAllText),
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "broken"), "VDL*.vdl").Order(StringComparer.Ordinal).Select(File.ReadAllText),
    ];

    public static Arbitrary<string> EditedModels() =>
        (from index in Gen.Choose(0, Models.Length - 1)
         from seed in Gen.Choose(0, int.MaxValue)
         from edits in Gen.Choose(1, 8)
         select Edit(Models[index], seed, edits)).ToArbitrary();

    private static string Edit(string model, int seed, int edits)
    {
        var random = new Random(seed);
        var lines = model.Split('\n').ToList();
        for (var i = 0; i < edits && lines.Count > 1; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(4))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(random.Next(lines.Count), lines[at]); break;
                case 2: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
                default:
                    if (lines[at].Length > 0)
                    {
                        lines[at] = lines[at].Remove(random.Next(lines[at].Length), 1);
                    }

                    break;
            }
        }

        return string.Join('\n', lines);
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(CheckerRobustnessTests)])]
    public bool EveryEditIsCheckedWithoutAnInternalError(string model)
    {
        // Imports resolve against the broken models' catalog, held in memory like the model itself.
        var provider = new InMemorySourceProvider(new Dictionary<string, string>
        {
            ["m.vdl"] = model,
            ["catalog.vdl"] = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "broken", "catalog.vdl")),
        });
        provider.TryRead("m.vdl", out var text, out _);
        var compilation = ModelCompilation.Create([text!], provider);
        return compilation.Diagnostics.All(d => d.Code != "VDL9001");
    }
}
