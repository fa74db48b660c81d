namespace VirtLang.Sweeps.Orleans.Tests;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; posts, so a test could miss the last report).</summary>
internal sealed class SynchronousProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
