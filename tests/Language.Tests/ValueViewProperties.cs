using FsCheck.Xunit;
using VirtLang.Language.Syntax;

namespace VirtLang.Language.Tests;

/// <summary>
/// <see cref="ValueView"/> reads a value without making its node (the checker's way, issue 18): whatever was parsed,
/// the view taken before the node exists says what the node says once made, and taking it makes no node.
/// </summary>
public sealed class ValueViewProperties
{
    [Property(MaxTest = 2_000, Arbitrary = [typeof(VdlInputs)])]
    public void AnAttributesViewAgreesWithTheNodeMadeAfterIt(VdlInput input)
    {
        var attributes = new List<AttributeSyntax>();
        CollectAttributes(SyntaxTree.Parse(input.Text).Root, attributes);

        foreach (var attribute in attributes)
        {
            var hadNode = attribute.HasValueNode;
            var view = attribute.ValueView;
            var list = view.Node as ListExpressionSyntax;
            var hadElements = list?.HasElementNodes;
            var elementViews = list is null ? [] : Enumerable.Range(0, list.ElementCount).Select(list.ElementView).ToArray();
            Assert.Equal(hadNode, attribute.HasValueNode);
            Assert.Equal(hadElements, list?.HasElementNodes);

            AssertAgrees(view, attribute.Value);
            if (list is not null)
            {
                Assert.Equal(list.Elements.Count, elementViews.Length);
                for (var i = 0; i < elementViews.Length; i++)
                {
                    AssertAgrees(elementViews[i], list.Elements[i]);
                }
            }
        }
    }

    [Fact]
    public void AOneTokenValueIsReadFromItsTokenAndItsNodeIsNotMade()
    {
        var tree = SyntaxTree.Parse("vm a {\n  memory = 16GiB\n  os = rhel8\n  runs = [web, db]\n  cpu = -2\n}\n");
        var attributes = tree.Root.Blocks.Single().Attributes.ToList();

        Assert.Equal("16GiB", attributes[0].ValueView.Literal?.Text);
        Assert.Null(attributes[0].ValueView.Identifier);
        Assert.Equal("rhel8", attributes[1].ValueView.Identifier?.Text);
        var list = Assert.IsType<ListExpressionSyntax>(attributes[2].ValueView.Node);
        Assert.Equal(["web", "db"], Enumerable.Range(0, list.ElementCount).Select(i => list.ElementView(i).Identifier?.Text));
        Assert.IsType<UnaryExpressionSyntax>(attributes[3].ValueView.Node);
        Assert.False(attributes[0].HasValueNode);
        Assert.False(attributes[1].HasValueNode);
        Assert.False(list.HasElementNodes);
        Assert.True(default(ValueView).IsNone);
        Assert.True(ValueView.Of(null).IsNone);
        Assert.False(attributes[0].ValueView.IsNone);
    }

    private static void AssertAgrees(ValueView view, ExpressionSyntax node)
    {
        Assert.False(view.IsNone);
        Assert.Equal(node.Span, view.Span);
        Assert.Equal((node as IdentifierExpressionSyntax)?.Identifier, view.Identifier);
        Assert.Equal((node as LiteralExpressionSyntax)?.Literal, view.Literal);
        if (node is IdentifierExpressionSyntax or LiteralExpressionSyntax)
        {
            Assert.Null(view.Node);
        }
        else
        {
            Assert.Same(node, view.Node);
        }
    }

    // Down to the attributes, not into them: walking an attribute's children would make its value's node.
    private static void CollectAttributes(SyntaxNode node, List<AttributeSyntax> attributes)
    {
        if (node is AttributeSyntax attribute)
        {
            attributes.Add(attribute);
            return;
        }

        foreach (var child in node.ChildElements())
        {
            if (child.Node is { } childNode)
            {
                CollectAttributes(childNode, attributes);
            }
        }
    }
}
