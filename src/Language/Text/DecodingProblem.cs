namespace VirtLang.Language.Text;

/// <summary>The first byte that was not valid UTF-8 when a file was decoded (it was replaced by U+FFFD).</summary>
public sealed record DecodingProblem(byte Value, long ByteOffset, int CharOffset);
