using FsCheck.Xunit;
using VirtLang.Compiler.Diagnostics;
using VirtLang.Compiler.Sources;
using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Tests;

/// <summary>
/// A check reads one-token values (<c>memory = 16GiB</c>, <c>os = rhel8</c>, <c>runs = [web]</c>) from their tokens
/// (issue 18): it makes none of the nodes the parser left to be made on demand, so a large model's check leaves no
/// million young nodes hanging from its older tree. The parser's own nodes are the same after the check as before it.
/// </summary>
public sealed class OneTokenValueCheckTests
{
    private static readonly string Catalog = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "broken", "catalog.vdl"));

    public static TheoryData<string> Models() =>
    [
        .. Directory.GetFiles(RepositoryPaths.Examples, "*.vdl").Order(StringComparer.Ordinal).Select(p => Path.GetFileName(p)),
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "broken"), "VDL*.vdl").Order(StringComparer.Ordinal)
            .Select(p => Path.Combine("broken", Path.GetFileName(p))),
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void CheckingAnExampleMakesNoNodeForAOneTokenValue(string example)
    {
        var model = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, example));

        var (lazyValues, lazyLists) = AssertCheckMakesNoValueNodes(model);

        // The working examples do write their values as single tokens, so the assertion is about something.
        if (!example.StartsWith("broken", StringComparison.Ordinal))
        {
            Assert.True(lazyValues > 0);
            Assert.True(lazyLists > 0);
        }
    }

    /// <summary>
    /// With a <c>vdl-disable-next-line</c> comment in the file, a diagnostic there makes the checker read the file's
    /// comments: it reads them from the tokens, so still no node is made (the broken examples each have a diagnostic).
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void ReadingSuppressionCommentsMakesNoNodeForAOneTokenValue(string example)
    {
        var model = $"// {SuppressionComments.Directive} VDL9999\n" + File.ReadAllText(Path.Combine(RepositoryPaths.Examples, example));

        AssertCheckMakesNoValueNodes(model);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(CheckerRobustnessTests)])]
    public void CheckingAnyEditOfAModelMakesNoNodeForAOneTokenValue(string model) => AssertCheckMakesNoValueNodes(model);

    private static (int LazyValues, int LazyLists) AssertCheckMakesNoValueNodes(string model)
    {
        var provider = new InMemorySourceProvider(new Dictionary<string, string> { ["m.vdl"] = model, ["catalog.vdl"] = Catalog });
        provider.TryRead("m.vdl", out var text, out _);
        var tree = SyntaxTree.Parse(text!);
        var before = NodesMade(tree);

        var compilation = ModelCompilation.Create([tree], provider);
        _ = compilation.Diagnostics;
        _ = compilation.SemanticModel;

        Assert.Equal(before, NodesMade(tree));
        return (before.Count(made => made == false), before.Count(made => made == null));
    }

    // Per attribute in order: whether its value's node exists; for a list of one-token elements, whether its elements'
    // nodes exist, or null while they do not (the list node itself is the parser's). Walks down to the attributes
    // only: walking into one would make its value's node.
    private static List<bool?> NodesMade(SyntaxTree tree)
    {
        var made = new List<bool?>();
        Walk(tree.Root);
        return made;

        void Walk(SyntaxNode node)
        {
            if (node is AttributeSyntax attribute)
            {
                made.Add(attribute.HasValueNode);
                if (attribute.ValueView.Node is ListExpressionSyntax list)
                {
                    made.Add(list.HasElementNodes ? true : null);
                }

                return;
            }

            foreach (var child in node.ChildElements())
            {
                if (child.Node is { } childNode)
                {
                    Walk(childNode);
                }
            }
        }
    }
}
