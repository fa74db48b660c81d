namespace VirtLang.Runtime.Model;

/// <summary>How a hypervisor runs guest code: binary translation (software) or the CPU's VT-x/AMD-V (hardware).</summary>
public enum Acceleration
{
    Software,
    Hardware,
}
