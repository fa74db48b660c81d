using VirtLang.Language.Syntax;

namespace VirtLang.Compiler.Schema;

/// <summary>
/// A block's kind as a string without making one: the schema's own string for a known kind (a large model has a
/// hundred thousand `vm` blocks, and each read of <see cref="BlockSyntax.KindName"/> copies the word out of the text).
/// </summary>
internal static class BlockKinds
{
    private static readonly Dictionary<string, string> Known = ModelSchema.Blocks.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);

    /// <summary>The kind word of <paramref name="block"/>, the same text as <see cref="BlockSyntax.KindName"/>.</summary>
    public static string Of(BlockSyntax block) =>
        Known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(block.KindToken.TextAsSpan, out var kind) ? kind : block.KindName;
}
