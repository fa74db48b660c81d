using System.Text;
using VirtLang.Compiler.Schema;
using VirtLang.Language.Syntax;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Signature help in a profile call (<c>profile = diurnal(peak = 70%, |)</c>): the profile's parameters, each with
/// its kind and meaning, and the one being written: the named one if the argument has a name, else the one in its
/// position. From the tree alone, so it answers while the model is being typed (an unclosed call included).
/// </summary>
internal static class SignatureHelpProvider
{
    public static SignatureHelp? Help(SyntaxTree tree, int offset)
    {
        if (CallAt(tree.Root, offset) is not { } call
            || !ProfileSignatures.All.TryGetValue(call.Name.Text, out var parameters))
        {
            return null;
        }

        var label = new StringBuilder(call.Name.Text).Append('(');
        var labels = new List<SignatureParameter>();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                label.Append(", ");
            }

            var start = label.Length;
            var parameter = parameters[i];
            label.Append(parameter.Name).Append(parameter.Required ? ": " : "?: ").Append(parameter.KindText);
            labels.Add(new SignatureParameter(start, label.Length, parameter.Help));
        }

        label.Append(')');
        return new SignatureHelp(
            label.ToString(),
            $"The workload profile `{call.Name.Text}`: arguments by name (`{parameters[0].Name} = ...`) or in this order; those marked `?` may be left out.",
            labels,
            ActiveParameter(call, offset, parameters));
    }

    /// <summary>The innermost profile call whose parentheses hold the offset (an unclosed call runs to its last argument).</summary>
    private static CallExpressionSyntax? CallAt(CompilationUnitSyntax root, int offset)
    {
        var block = SyntaxNavigation.EnclosingBlock(root, offset);
        IEnumerable<SyntaxNode> scope = block is null ? [root] : block.Attributes;
        CallExpressionSyntax? found = null;
        foreach (var node in scope.SelectMany(n => n.DescendantNodesAndSelf()))
        {
            if (node is CallExpressionSyntax call && !call.OpenParen.IsMissing && call.OpenParen.Span.End <= offset
                && offset <= (call.CloseParen.IsMissing ? UnclosedEnd(call) : call.CloseParen.Span.Start))
            {
                found = call; // later ones are nested in earlier ones
            }
        }

        return found;
    }

    /// <summary>Where an unclosed call stops holding the cursor: after the spaces that follow its last written token (`spiky(10%, |`).</summary>
    private static int UnclosedEnd(CallExpressionSyntax call) =>
        call.DescendantTokens().LastOrDefault(t => !t.IsMissing) is { Kind: not SyntaxKind.None } last ? last.FullSpan.End : call.OpenParen.FullSpan.End;

    private static int ActiveParameter(CallExpressionSyntax call, int offset, IReadOnlyList<ProfileParameter> parameters)
    {
        var index = call.Arguments.CountSeparatorsBefore(offset);
        if (index < call.Arguments.Count && call.Arguments[index].Name is { IsMissing: false } name)
        {
            var named = parameters.Select(p => p.Name).ToList().IndexOf(name.Text);
            if (named >= 0)
            {
                return named;
            }
        }

        return Math.Min(index, parameters.Count - 1);
    }
}
