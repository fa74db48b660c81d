using VirtLang.Compiler;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Schema;
using VirtLang.Language.Syntax;
using VirtLang.LanguageServer.Features;

namespace VirtLang.LanguageServer.Tests;

/// <summary>
/// Completion and the checker read one schema, so every name completion offers as a base or as a scenario action's
/// target is one the checker accepts there: written in, it gives no VDL1001 (unknown), VDL1004 (wrong kind) or
/// VDL1005 (based on itself). Issue 17's bug was the opposite: hosts offered after `host x :`.
/// </summary>
public sealed class CompletionCheckerAgreementTests
{
    private const string Model = """
        os rhel8 {
          family = linux
        }

        hardware box {
          memory = 64GiB
        }

        site east {
        }

        app web {
        }

        host h1 : box {
          site = east
          hypervisor {
            kind = hosted
          }
          os = rhel8
          vm web-vm {
            os     = rhel8
            vcpus  = 1
            memory = 1GiB
          }
        }

        host rack : box {
          count = 2
        }

        """;

    private static readonly string[] Disagreements =
        [CompilerDiagnostics.UnknownReference.Code, CompilerDiagnostics.WrongKindReference.Code, CompilerDiagnostics.SelfBase.Code];

    public static TheoryData<string> BaseKinds() => [.. ModelSchema.TopLevelKinds.Where(k => k != ScenarioStatementSchema.BlockKind)];

    [Theory]
    [MemberData(nameof(BaseKinds))]
    public void EveryBaseOfferedIsAccepted(string kind)
    {
        var offered = NamesOffered($"{Model}{kind} fresh : ");
        Assert.Equal(kind is "cluster" or "pool" or "plan", offered.Count == 0); // the model declares none of those
        foreach (var name in offered)
        {
            AssertAccepted($"{Model}{kind} fresh : {name} {{\n}}\n", $"{kind} fresh : {name}");
        }
    }

    /// <summary>Each action written whole around a target (the rest of its statement is the schema's words and a valid value).</summary>
    public static TheoryData<string, string> Actions() => new()
    {
        { "scale", "scale {0} 150%" },
        { "fail", "fail {0} for 1h" },
        { "crash", "crash {0}" },
        { "migrate", "migrate {0} to h1" },
        { "patch", "patch {0} \"8.6\"" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void EveryTargetOfferedIsAccepted(string action, string statement)
    {
        Assert.NotNull(ScenarioStatementSchema.Action(action));
        var offered = NamesOffered($"{Model}scenario day {{\n  duration = 1d\n  at 1h {action} ");
        Assert.NotEmpty(offered);
        foreach (var name in offered)
        {
            var written = string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, name);
            AssertAccepted($"{Model}scenario day {{\n  duration = 1d\n  at 1h {written}\n}}\n", written);
        }
    }

    [Fact]
    public void EverySiteOfferedAfterFailSiteIsAccepted()
    {
        var offered = NamesOffered($"{Model}scenario day {{\n  duration = 1d\n  at 1h fail site ");
        Assert.Equal(["east"], offered);
        AssertAccepted($"{Model}scenario day {{\n  duration = 1d\n  at 1h fail site east for 1h\n}}\n", "fail site east");
    }

    private static List<string> NamesOffered(string text)
    {
        var model = Compile(Model).SemanticModel;
        return [.. CompletionProvider.Complete(SyntaxTree.Parse(text), text.Length, model).Where(i => i.Kind == CompletionItemKind.Reference).Select(i => i.Label)];
    }

    private static void AssertAccepted(string text, string what)
    {
        var disagreements = Compile(text).Diagnostics.Where(d => Disagreements.Contains(d.Code)).Select(d => $"{d.Code}: {d.Message}").ToList();
        Assert.True(disagreements.Count == 0, $"completion offered `{what}`, which the checker rejects: {string.Join("; ", disagreements)}");
    }

    private static ModelCompilation Compile(string text) => InMemoryCompilation.Of(text);
}
