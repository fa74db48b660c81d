namespace VirtLang.Compiler.Sources;

/// <summary>What a path names on disk, as far as reading a model is concerned: only a regular file is read.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
