using System.Globalization;

namespace VirtLang.Runtime.Engine;

/// <summary>
/// An OMNeT++-style regression fingerprint: FNV-1a (64 bits) over what a run processed, event by event. Equal
/// fingerprints mean the same events at the same times with the same outcomes; pinned in tests, any change in
/// simulated behaviour shows and gets reviewed.
/// </summary>
internal struct TraceFingerprint()
{
    private const ulong Prime = 1099511628211UL;
    private ulong _hash = 14695981039346656037UL;

    public void Add(long value)
    {
        var v = (ulong)value;
        for (var i = 0; i < 8; i++)
        {
            _hash ^= v & 0xFF;
            _hash *= Prime;
            v >>= 8;
        }
    }

    public void Add(long time, int kind, int entity)
    {
        Add(time);
        Add(((long)kind << 32) | (uint)entity);
    }

    public readonly override string ToString() => _hash.ToString("x16", CultureInfo.InvariantCulture);
}
