using VirtLang.Language.Literals;

namespace VirtLang.Compiler.Schema;

/// <summary>What an attribute's value must be. Each attribute of the schema has one.</summary>
public abstract record ValueType
{
    /// <summary>How the type is named in messages ("a memory quantity such as 16GiB").</summary>
    public abstract string Description { get; }
}

/// <summary>A plain number, with optional bounds (inclusive) and whether it must be whole.</summary>
public sealed record NumberType(double? Minimum = null, bool Whole = false, double? Maximum = null) : ValueType
{
    public override string Description => Whole ? "a whole number" : "a number";
}

/// <summary>A quantity of one dimension (memory, frequency...), with an optional smallest value in canonical units.</summary>
public sealed record QuantityType(Dimension Dimension, double? Minimum = null, string Example = "", double? Maximum = null) : ValueType
{
    public override string Description => $"a {Dimension.ToString().ToLowerInvariant()} quantity such as {Example}";
}

/// <summary>One of a fixed set of words (<c>bare_metal</c>, <c>heavy</c>, <c>true</c>...).</summary>
public sealed record EnumType(IReadOnlyList<string> Words) : ValueType
{
    public override string Description => "one of " + string.Join(", ", Words);
}

/// <summary>A name declared in the model, of one of the given kinds.</summary>
public sealed record ReferenceType(IReadOnlyList<string> Kinds) : ValueType
{
    public override string Description => "the name of " + KindsText(Kinds);

    /// <summary>"a `host`", "an `os` or a `vm`": kinds as messages name them.</summary>
    public static string KindsText(IEnumerable<string> kinds) =>
        string.Join(" or ", kinds.Select(k => $"{("aeiou".Contains(k[0], StringComparison.Ordinal) ? "an" : "a")} `{k}`"));
}

/// <summary>A free word that names nothing declared (a security zone).</summary>
public sealed record WordType : ValueType
{
    public override string Description => "a name";
}

/// <summary>A string; versions and constraints are strings checked by the front-end's micro-grammar.</summary>
public sealed record StringType(string What = "a string") : ValueType
{
    public override string Description => What;
}

/// <summary>A list whose elements all have one type.</summary>
public sealed record ListType(ValueType Element) : ValueType
{
    public override string Description => $"a list of {Element.Description.Replace("a ", string.Empty, StringComparison.Ordinal)}";
}

/// <summary>A call of one of the given functions (workload profiles).</summary>
public sealed record CallType(IReadOnlyList<string> Functions) : ValueType
{
    public override string Description => "a profile: " + string.Join(", ", Functions.Select(f => f + "(...)"));
}
