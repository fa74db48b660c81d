using System.Diagnostics;

namespace VirtLang.Tests.Shared;

/// <summary>Named pipes for the tests that a reader must never open (.NET cannot make one; mkfifo can).</summary>
internal static class Fifo
{
    /// <summary>Makes a FIFO at <paramref name="path"/>; false where there is no mkfifo (Windows).</summary>
    public static bool TryCreate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            return false;
        }

        return process.ExitCode == 0;
    }
}
