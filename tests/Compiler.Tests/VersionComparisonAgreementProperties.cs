using VirtLang.Compiler.Lowering;
using VirtLang.Language.Literals;
using VirtLang.Runtime.Model;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// The language orders versions and evaluates constraints (<see cref="Language.Literals.Version"/>,
/// <see cref="VersionConstraint"/>) for the checker; the runtime orders patch levels (<see cref="PatchLevel"/>,
/// <see cref="PatchRequirement"/>) for patches and certification during a run, without depending on the language. The
/// two must never disagree, or a model that checks clean could fail certification mid-run (or the reverse): on random
/// versions (leading zeros, missing parts, labels) and random constraints, lowered exactly as ModelLowering lowers them,
/// they give the same answers. Seeded, so a failure can be replayed.
/// </summary>
public sealed class VersionComparisonAgreementProperties
{
    private static readonly string?[] Labels = [null, null, null, "rc1", "rc2", "beta", "rc.1", "0", "a"];
    private static readonly string[] Operators = [">=", ">", "<=", "<", "=", "==", "!=", ""];

    private static string RandomVersion(Random random)
    {
        var parts = random.Next(1, 5);
        var text = string.Join('.', Enumerable.Range(0, parts).Select(_ => random.Next(4) switch
        {
            0 => "0",
            1 => random.Next(0, 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
            2 => "0" + random.Next(0, 3).ToString(System.Globalization.CultureInfo.InvariantCulture), // a leading zero: 03 = 3
            _ => random.Next(2020, 2026).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var label = Labels[random.Next(Labels.Length)];
        return label is null ? text : text + "-" + label;
    }

    private static Language.Literals.Version Parsed(string text)
    {
        var result = VersionGrammar.ParseVersion(text);
        Assert.True(result.Success, text);
        return result.Value!;
    }

    [Fact]
    public void The_language_and_the_runtime_order_versions_alike()
    {
        var random = new Random(17);
        for (var i = 0; i < 20_000; i++)
        {
            var left = RandomVersion(random);
            var right = random.Next(5) == 0 ? left : RandomVersion(random);
            var language = Math.Sign(Parsed(left).CompareTo(Parsed(right)));
            var runtime = Math.Sign(PatchLevel.Compare(left, right));
            Assert.True(language == runtime, $"{left} against {right}: the language says {language}, the runtime {runtime}");
        }
    }

    [Fact]
    public void The_language_and_the_runtime_evaluate_constraints_alike()
    {
        var random = new Random(1717);
        var satisfied = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Operators[random.Next(Operators.Length)] + " " + RandomVersion(random)));
            var parsed = VersionGrammar.ParseConstraint(text);
            Assert.True(parsed.Success, text);
            var constraint = parsed.Value!;
            var requirement = new PatchRequirement([.. constraint.Clauses.Select(c => (ModelLowering.Comparison(c.Op), c.Version.Text))], constraint.Text);
            for (var j = 0; j < 5; j++)
            {
                var level = random.Next(3) == 0 ? constraint.Clauses[0].Version.Text : RandomVersion(random);
                var language = constraint.IsSatisfiedBy(Parsed(level));
                Assert.True(language == requirement.IsSatisfiedBy(level), $"\"{level}\" against \"{text}\": the language says {language}");
                satisfied += language ? 1 : 0;
            }
        }

        // Both answers occur often: the property is not vacuous.
        Assert.InRange(satisfied, 2_500, 22_500);
    }
}
