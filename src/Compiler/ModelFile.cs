using VirtLang.Language.Syntax;

namespace VirtLang.Compiler;

/// <summary>One file of a model, parsed: its path as the user or an import named it, and its identity (the full path).</summary>
public sealed record ModelFile(string Path, SyntaxTree Tree, string Identity);
