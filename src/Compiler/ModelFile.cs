using VirtLang.Language.Syntax;

namespace VirtLang.Compiler;

/// <summary>One file of a model, parsed.</summary>
public sealed record ModelFile(string Path, SyntaxTree Tree);
