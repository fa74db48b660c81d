namespace VirtLang.Runtime.Files;

/// <summary>What a path names on disk, as <c>stat</c> tells it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
