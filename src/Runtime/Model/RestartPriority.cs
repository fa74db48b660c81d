namespace VirtLang.Runtime.Model;

/// <summary>
/// In which order a guest is restarted by its cluster's HA when its host fails (vSphere HA's "VM restart priority"):
/// high before medium before low; disabled is never restarted elsewhere. Medium, the default, is the zero value.
/// </summary>
public enum RestartPriority
{
    Medium = 0,
    High,
    Low,
    Disabled,
}
