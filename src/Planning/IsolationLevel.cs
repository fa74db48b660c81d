namespace VirtLang.Planning;

/// <summary>The checker's isolation levels, weakest first (an app's <c>isolation</c>; the boundary a pool's kind gives).</summary>
internal enum IsolationLevel
{
    Process,
    Container,
    Vm,
    Host,
}
