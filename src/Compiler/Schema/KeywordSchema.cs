namespace VirtLang.Compiler.Schema;

/// <summary>A keyword of the language that is not a block kind (<c>import</c>, <c>at</c>, <c>to</c>...), with what it means.</summary>
public sealed record KeywordSchema(string Word, string Help);
