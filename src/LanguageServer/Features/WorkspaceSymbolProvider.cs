using VirtLang.Language.Diagnostics;
using VirtLang.Language.Syntax;
using VirtLang.LanguageServer.Workspace;

namespace VirtLang.LanguageServer.Features;

/// <summary>
/// Workspace symbols (Go to Symbol in Workspace): every named block of every file the workspace knows, open or
/// closed, whose name holds the query's letters in order, ignoring case (<c>wvm</c> finds <c>web-vm</c>). Names
/// that start with the query come first, then the shorter; at most <see cref="Limit"/>.
/// </summary>
internal static class WorkspaceSymbolProvider
{
    public const int Limit = 500;

    public static IReadOnlyList<WorkspaceSymbol> Symbols(ModelWorkspace workspace, string query, CancellationToken cancellationToken)
    {
        var found = new List<(BlockSyntax Block, string? Container, SyntaxTree Tree)>();
        foreach (var tree in workspace.AllTrees())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Collect(tree.Root.Blocks, container: null, tree, query, found);
        }

        return [.. found
            .OrderBy(f => f.Block.Name!.Value.Text.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => f.Block.Name!.Value.Text.Length)
            .ThenBy(f => f.Block.Name!.Value.Text, StringComparer.Ordinal)
            .ThenBy(f => f.Tree.FilePath, StringComparer.Ordinal)
            .Take(Limit)
            .Select(f => new WorkspaceSymbol(f.Block.Name!.Value.Text, DocumentSymbolProvider.KindOf(f.Block), new Location(f.Tree.Text, f.Block.Name!.Value.Span), f.Container))];
    }

    private static void Collect(IEnumerable<BlockSyntax> blocks, string? container, SyntaxTree tree, string query, List<(BlockSyntax, string?, SyntaxTree)> found)
    {
        foreach (var block in blocks)
        {
            var named = block.Name is { IsMissing: false } name;
            if (named && Matches(block.Name!.Value.Text, query))
            {
                found.Add((block, container, tree));
            }

            Collect(block.Blocks, named ? $"{block.KindName} {block.Name!.Value.Text}" : container, tree, query, found);
        }
    }

    /// <summary>Whether the query's characters appear in the name in order, ignoring case.</summary>
    public static bool Matches(string name, string query)
    {
        var at = 0;
        foreach (var c in query)
        {
            at = name.IndexOf(c.ToString(), at, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }
}
