using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using VirtLang.Language.Diagnostics;
using VirtLang.Language.Literals;
using VirtLang.Language.Syntax;
using Version = VirtLang.Language.Literals.Version;

namespace VirtLang.Language.Tests;

/// <summary>
/// Literal values live on the syntax (docs/architecture.md): what a token gives (<see cref="SyntaxToken.QuantityValue"/>,
/// <see cref="SyntaxToken.AsVersion"/>, <see cref="SyntaxToken.AsConstraint"/>) is what the literal's micro-grammar
/// gives for its text, whether the lexer or the parser parsed it first or nobody did, and each distinct text is parsed
/// once per tree and kind, however often and from however many threads it is asked.
/// </summary>
public sealed class LiteralValueTests
{
    private static readonly string[] Numbers = ["0", "4", "16", "2.6", "0.5", "500_000", "1_", "1__0", "007", "12.", "9007199254740992", "9007199254740993"];

    private static readonly string[] UnitSymbols =
        [.. Units.All.Select(u => u.Symbol), "", "", "", "Gib", "x", "GHZ", "GB/x", "/s"];

    // Pieces of a string's content as written in the source: version and constraint syntax, garbage, and escapes
    // (a valid one, \" and \\, and an invalid one, \q), which make the written content differ from the value.
    private static readonly string[] ContentPieces =
        ["8", "6", "2024", "03", "0", "4", "18", ".", ".", "-", "rc1", " ", ",", ">=", ">", "<=", "<", "=", "==", "!=", "x", "_", "\\\"", "\\\\", "\\q", "\\>"];

    private static Gen<string> Term =>
        from number in Gen.Elements(Numbers)
        from unit in Gen.Elements(UnitSymbols)
        select number + unit;

    /// <summary>A number or quantity, or a chain of up to three (time chains: 4d12h).</summary>
    public static Gen<string> QuantityText =>
        from count in Gen.Choose(1, 3)
        from terms in Term.ListOf(count)
        select string.Concat(terms);

    public static Gen<string> StringContent =>
        from count in Gen.Choose(0, 8)
        from pieces in Gen.Elements(ContentPieces).ListOf(count)
        select string.Concat(pieces);

    public sealed class LiteralModels
    {
        public static Arbitrary<LiteralModel> Models() =>
            (from quantityCount in Gen.Choose(1, 4)
             from quantities in QuantityText.ListOf(quantityCount)
             from stringCount in Gen.Choose(1, 4)
             from strings in StringContent.ListOf(stringCount)
             select new LiteralModel([.. quantities], [.. strings])).ToArbitrary();
    }

    /// <summary>Numbers in attributes, strings where they hold a version (patch), a constraint (requires) and neither.</summary>
    public sealed record LiteralModel(string[] Quantities, string[] Strings)
    {
        public string Text
        {
            get
            {
                var text = new StringBuilder("vm v {\n");
                foreach (var q in Quantities)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  memory = {q}\n");
                }

                foreach (var s in Strings)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  patch = \"{s}\"\n  driver = \"{s}\"\n  requires {{\n    kernel = \"{s}\"\n  }}\n");
                }

                return text.Append("}\nscenario s {\n  at 1h patch v \"" + Strings[0] + "\"\n}\n").ToString();
            }
        }

        public override string ToString() => SyntaxDumper.Quote(Text);
    }

    [Property(MaxTest = 2_000, Arbitrary = [typeof(LiteralModels)])]
    public void EveryLiteralTokenGivesWhatItsGrammarGivesForItsText(LiteralModel model)
    {
        var tree = SyntaxTree.Parse(model.Text);
        foreach (var token in tree.Root.DescendantTokens())
        {
            switch (token.Kind)
            {
                case SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral:
                    Assert.Equal(Describe(QuantityGrammar.Parse(token.Text)), Describe(token.QuantityValue));
                    break;
                case SyntaxKind.StringLiteral:
                    // Asked twice, so that the second answer comes from the table whoever parsed first.
                    for (var i = 0; i < 2; i++)
                    {
                        Assert.Equal(Describe(VersionGrammar.ParseVersion(token.ValueText)), Describe(token.AsVersion()));
                        Assert.Equal(Describe(VersionGrammar.ParseConstraint(token.ValueText)), Describe(token.AsConstraint()));
                    }

                    break;
            }
        }
    }

    [Fact]
    public void TheGeneratedLiteralsAreReallyMixedWellFormedAndMalformed()
    {
        // Guards the generators: a property over literals that all parse (or all fail) proves little.
        var quantities = QuantityText.Sample(500, 10).Select(t => QuantityGrammar.Parse(t).Success).ToList();
        var versions = StringContent.Sample(500, 10).Select(t => VersionGrammar.ParseVersion(t).Success).ToList();
        var constraints = StringContent.Sample(500, 10).Select(t => VersionGrammar.ParseConstraint(t).Success).ToList();
        Assert.Contains(true, quantities);
        Assert.Contains(false, quantities);
        Assert.Contains(true, versions);
        Assert.Contains(false, versions);
        Assert.Contains(true, constraints);
        Assert.Contains(false, constraints);
    }

    [Fact]
    public void EachDistinctLiteralIsParsedOncePerTreeHoweverOftenAndFromWhateverThreadItIsAsked()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"vm v{i} {{\n  vcpus = 4\n  memory = 16GiB\n  disk = {(i % 2 == 0 ? "100GiB" : "200GiB")}\n  patch = \"2024.03\"\n  requires {{\n    patch = \">= 2024.01\"\n  }}\n}}\n");
        }

        var tree = SyntaxTree.Parse(text.ToString());
        Assert.Empty(tree.Diagnostics);
        var tokens = tree.Root.DescendantTokens().ToList();
        var literals = tokens[0].Store.Literals;

        // The lexer parsed 4, 16GiB, 100GiB and 200GiB; the parser "2024.03" as a version, ">= 2024.01" as a constraint.
        Assert.Equal(6, literals.Parses);

        var patches = tokens.Where(t => t.Kind == SyntaxKind.StringLiteral && t.TextEquals("\"2024.03\"")).ToList();
        var constraints = tokens.Where(t => t.Kind == SyntaxKind.StringLiteral && t.TextEquals("\">= 2024.01\"")).ToList();
        var versionsSeen = new System.Collections.Concurrent.ConcurrentBag<Version>();
        var constraintsSeen = new System.Collections.Concurrent.ConcurrentBag<VersionConstraint>();
        Parallel.For(0, 8, _ =>
        {
            foreach (var token in tokens)
            {
                if (token.Kind is SyntaxKind.NumberLiteral or SyntaxKind.QuantityLiteral)
                {
                    Assert.True(token.QuantityValue.Success);
                }
            }

            foreach (var patch in patches)
            {
                versionsSeen.Add(patch.AsVersion().Value!);
            }

            foreach (var constraint in constraints)
            {
                constraintsSeen.Add(constraint.AsConstraint().Value!);
            }
        });

        Assert.Equal(6, literals.Parses);
        Assert.Single(versionsSeen.Distinct(ReferenceEqualityComparer.Instance));
        Assert.Single(constraintsSeen.Distinct(ReferenceEqualityComparer.Instance));
        Assert.Equal(8 * 300, versionsSeen.Count);

        // Another kind is another parse, once: "2024.03" read as a constraint (= 2024.03).
        Assert.True(patches[0].AsConstraint().Value!.IsSatisfiedBy(patches[1].AsVersion().Value!));
        Assert.True(patches[^1].AsConstraint().Success);
        Assert.Equal(7, literals.Parses);

        // Another tree parses its own.
        var other = SyntaxTree.Parse("vm v {\n  memory = 16GiB\n}\n");
        Assert.Equal(1, other.Root.DescendantTokens().First().Store.Literals.Parses);
        Assert.Equal(7, literals.Parses);
    }

    [Fact]
    public void AStringWithAnEscapeGivesTheValueOfItsUnescapedText()
    {
        // `\>` is an invalid escape (reported) that keeps its character: the value is ">= 8.6", a constraint, while the
        // parser's check of the text as written points at the backslash.
        var tree = SyntaxTree.Parse("app a {\n  requires {\n    patch = \"\\>= 8.6\"\n  }\n}\n");
        var literal = tree.Root.DescendantTokens().Single(t => t.Kind == SyntaxKind.StringLiteral);
        Assert.Equal(">= 8.6", literal.ValueText);
        Assert.Equal(">= 8.6", literal.AsConstraint().Value!.Text);
        Assert.Contains(tree.Diagnostics, d => d.Code == SyntaxDiagnostics.BadVersionConstraint.Code && d.Location.Span.Start == literal.Span.Start + 1);
    }

    [Fact]
    public void AskingATokenForAValueOfAnotherKindIsAMistakeOfTheCaller()
    {
        var tokens = SyntaxTree.Parse("vm v {\n  memory = 16GiB\n  patch = \"8.6\"\n}\n").Root.DescendantTokens().ToList();
        Assert.Throws<InvalidOperationException>(() => tokens.Single(t => t.Kind == SyntaxKind.StringLiteral).QuantityValue);
        Assert.Throws<InvalidOperationException>(() => tokens.Single(t => t.Kind == SyntaxKind.QuantityLiteral).AsVersion());
        Assert.Throws<InvalidOperationException>(() => tokens[0].AsConstraint());
    }

    private static string Describe<T>(LiteralResult<T> result)
        where T : notnull
    {
        if (result.Error is { } error)
        {
            return $"error {error.Descriptor.Code} at {error.Offset}+{error.Length} [{string.Join(" | ", error.Arguments)}] fix {error.Replacement}";
        }

        return result.Value switch
        {
            Quantity q => q.ToString(),
            Version v => $"version {v.Text}: {string.Join('.', v.Parts)} label {v.Label}",
            VersionConstraint c => $"constraint {c.Text}: " + string.Join(", ", c.Clauses.Select(x => $"{x.Op} {x.Version.Text} {string.Join('.', x.Version.Parts)} {x.Version.Label}")),
            _ => throw new InvalidOperationException(typeof(T).Name),
        };
    }
}
