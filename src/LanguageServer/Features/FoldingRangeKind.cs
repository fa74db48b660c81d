namespace VirtLang.LanguageServer.Features;

/// <summary>What a fold hides when it is not code (a block, a list, a call): the editor may fold these on its own.</summary>
internal enum FoldingRangeKind
{
    /// <summary>A block comment or a run of line comments.</summary>
    Comment,

    /// <summary>From a <c>// region</c> marker to its <c>// endregion</c>.</summary>
    Region,
}
