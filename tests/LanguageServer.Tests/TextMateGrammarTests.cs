using System.Text;

namespace VirtLang.LanguageServer.Tests;

/// <summary>The committed TextMate grammar is the one the schema gives (<see cref="TextMateGrammarGenerator"/>).</summary>
public sealed class TextMateGrammarTests
{
    private const string Regenerate = "VDL_UPDATE_BASELINES=1 dotnet test tests/LanguageServer.Tests -c Release --filter FullyQualifiedName~TextMateGrammar";

    [Fact]
    public void TheCommittedGrammarIsTheSchemas()
    {
        var path = Path.Combine(RepositoryPaths.Root, TextMateGrammarGenerator.RelativePath);
        var generated = TextMateGrammarGenerator.Generate();
        if (Environment.GetEnvironmentVariable("VDL_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, generated, new UTF8Encoding(false));
            return;
        }

        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == generated,
            $"{TextMateGrammarGenerator.RelativePath} is not the grammar of the schema (first difference at line {FirstDifferentLine(committed, generated)}): run `{Regenerate}` and review the diff");
    }

    [Fact]
    public void EveryBlockKindActionAndUnitIsInTheGrammar()
    {
        var grammar = TextMateGrammarGenerator.Generate();
        Assert.All(Compiler.Schema.ModelSchema.Blocks.Keys, kind => Assert.Contains(kind, grammar, StringComparison.Ordinal));
        Assert.All(Compiler.Schema.ScenarioStatementSchema.Actions, action => Assert.Contains(action.Word + "|", grammar, StringComparison.Ordinal));
        Assert.All(Language.Literals.Units.All, unit => Assert.Contains(unit.Symbol, grammar, StringComparison.Ordinal));
    }

    private static int FirstDifferentLine(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
        {
            line++;
        }

        return line + 1;
    }
}
