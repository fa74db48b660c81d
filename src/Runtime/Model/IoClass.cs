namespace VirtLang.Runtime.Model;

/// <summary>How much of an application's work is I/O (system calls, interrupts, device access): what virtualization makes dearest.</summary>
public enum IoClass
{
    Light,
    Moderate,
    Heavy,
}
