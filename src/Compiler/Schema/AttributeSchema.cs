namespace VirtLang.Compiler.Schema;

/// <summary>One attribute a block kind accepts: its name, its type, whether it is required, and what it means.</summary>
public sealed record AttributeSchema(string Name, ValueType Type, bool Required = false, string Help = "");
