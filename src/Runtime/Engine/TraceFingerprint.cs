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
        // In a local: through `this` (a field of the run) the hash was loaded and stored again at every byte, and
        // every host adds to it at every step.
        var hash = _hash;
        var v = (ulong)value;
        for (var i = 0; i < 8; i++)
        {
            hash ^= v & 0xFF;
            hash *= Prime;
            v >>= 8;
        }

        _hash = hash;
    }

    public void Add(long time, int kind, int entity)
    {
        Add(time);
        Add(((long)kind << 32) | (uint)entity);
    }

    public readonly override string ToString() => _hash.ToString("x16", CultureInfo.InvariantCulture);
}
