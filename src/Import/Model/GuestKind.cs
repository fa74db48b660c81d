namespace VirtLang.Import.Model;

/// <summary>What a guest is written as: a <c>vm</c>, or a <c>container</c> of an os_level host.</summary>
public enum GuestKind
{
    Vm,
    Container,
}
