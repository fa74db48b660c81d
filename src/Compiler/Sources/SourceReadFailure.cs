namespace VirtLang.Compiler.Sources;

/// <summary>Why a file of a model could not be read: the kind decides the diagnostic's code, the reason is its text.</summary>
public sealed record SourceReadFailure(SourceReadFailureKind Kind, string Reason);

/// <summary>The kinds of <see cref="SourceReadFailure"/>.</summary>
public enum SourceReadFailureKind
{
    /// <summary>Nothing there, a link loop, or no permission: VDL1020 for an import.</summary>
    NotFound,

    /// <summary>A directory, FIFO, device or socket: VDL1022 for an import.</summary>
    NotARegularFile,

    /// <summary>Larger than <see cref="SourceLimits.MaxFileBytes"/>: VDL0036.</summary>
    TooLarge,
}
