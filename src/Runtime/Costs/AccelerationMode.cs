namespace VirtLang.Runtime.Costs;

/// <summary>
/// How guest code actually runs, from the hypervisor's <c>acceleration</c> and the host CPU's features. First-generation
/// hardware assist (VT-x/AMD-V without EPT/NPT) is its own mode because it is not always faster than binary
/// translation (Adams and Agesen 2006): every guest page-table change traps.
/// </summary>
public enum AccelerationMode
{
    /// <summary>No virtual CPU at all: bare host, or containers on the host's kernel.</summary>
    Native,

    /// <summary>Binary translation (<c>acceleration = software</c>, or hardware asked for on a CPU without VT-x/AMD-V).</summary>
    BinaryTranslation,

    /// <summary>VT-x or AMD-V without nested paging.</summary>
    HardwareAssist,

    /// <summary>VT-x or AMD-V with EPT or NPT.</summary>
    NestedPaging,
}
