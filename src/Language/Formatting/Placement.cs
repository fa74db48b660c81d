namespace VirtLang.Language.Formatting;

/// <summary>Where the formatter puts a token relative to what was written before it.</summary>
internal enum Placement
{
    /// <summary>Glued to the previous text (<c>-5</c>, <c>[a</c>, <c>a,</c>).</summary>
    NoSpace,

    /// <summary>After one space.</summary>
    Space,

    /// <summary>At the start of a new line, at the current indentation.</summary>
    NewLine,

    /// <summary>At the start of a new line, keeping one blank line above it when the source had one.</summary>
    NewLineKeepBlank,
}
