namespace VirtLang.Language.Literals;

/// <summary>A parsed literal value, or the error that stopped it.</summary>
public readonly record struct LiteralResult<T>(T? Value, LiteralError? Error)
    where T : notnull
{
    public bool Success => Error is null;

    public static LiteralResult<T> Ok(T value) => new(value, null);

    public static LiteralResult<T> Fail(LiteralError error) => new(default, error);
}
