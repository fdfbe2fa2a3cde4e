using System.Numerics;

namespace Vigil.Detection.Signals;

/// <summary>
/// Open-addressing table from a 64-bit key to the first item index stored under it (linear probing,
/// power-of-two size). Faster than a dictionary for the LSH band buckets, which see millions of keys.
/// </summary>
internal sealed class FirstSeenTable
{
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public FirstSeenTable(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _keys = new ulong[size];
        _values = new int[size];
        _mask = size - 1;
        Clear();
    }

    public void Clear() => Array.Fill(_values, -1);

    /// <summary>Stores <paramref name="item"/> under <paramref name="key"/> unless the key is present; returns the item stored first.</summary>
    public int GetOrAdd(ulong key, int item)
    {
        var slot = (int)(Hash64.Mix(key) & (ulong)_mask);
        while (true)
        {
            var value = _values[slot];
            if (value < 0)
            {
                _keys[slot] = key;
                _values[slot] = item;
                return item;
            }

            if (_keys[slot] == key)
            {
                return value;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
