using VirtLang.Language.Diagnostics;

namespace VirtLang.Language.Literals;

/// <summary>
/// Why a literal's text is malformed, located inside that text (offset and length relative to the literal, or to a
/// string's content), so the diagnostic can point at the offending character.
/// </summary>
/// <paramref name="Replacement"/>, when there is an obvious fix (a misspelt unit), replaces the offending text.
public sealed record LiteralError(DiagnosticDescriptor Descriptor, int Offset, int Length, object[] Arguments, string? Replacement = null);
