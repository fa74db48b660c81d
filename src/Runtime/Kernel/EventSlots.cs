namespace VirtLang.Runtime.Kernel;

/// <summary>
/// The targets of the pending events, by slot, and the sequence each slot holds: queue entries carry a slot instead of
/// a reference, and cancelling is clearing the slot's sequence, in O(1) and with nothing left behind (a handle whose
/// event already ran, or whose slot went to a later event, no longer matches and does nothing). Freed slots are reused
/// last-in first-out; steady state allocates nothing.
/// </summary>
internal sealed class EventSlots
{
    // Targets wrapped in a struct: storing into an array of an interface type costs a covariance check per store.
    private TargetCell[] _targets = new TargetCell[64];
    private long[] _sequences = new long[64];
    private int[] _free = new int[64];
    private int _freeCount;
    private int _used;

    public int Take(IEventTarget target, long sequence)
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_used == _targets.Length)
            {
                Array.Resize(ref _targets, _used * 2);
                Array.Resize(ref _sequences, _used * 2);
                Array.Resize(ref _free, _used * 2);
            }

            slot = _used++;
        }

        _targets[slot].Target = target;
        _sequences[slot] = sequence;
        return slot;
    }

    /// <summary>Marks the event in <paramref name="slot"/> cancelled, if it is still the one with <paramref name="sequence"/>.</summary>
    public void Cancel(int slot, long sequence)
    {
        if ((uint)slot < (uint)_used && _sequences[slot] == sequence)
        {
            _sequences[slot] = 0;
        }
    }

    /// <summary>Frees the slot of a dequeued event; its target, or null when it was cancelled.</summary>
    public IEventTarget? Release(in ScheduledEvent item)
    {
        var slot = item.Slot;
        var target = _sequences[slot] == item.Sequence ? _targets[slot].Target : null;
        _sequences[slot] = 0;
        _targets[slot].Target = null; // nothing kept alive by a finished event
        _free[_freeCount++] = slot;
        return target;
    }

    private struct TargetCell
    {
        public IEventTarget? Target;
    }
}
