using System.Numerics;
using Vigil.Detection.Activities;

namespace Vigil.Detection.Signals;

/// <summary>
/// Turns a signal's occurrences into co-acting account pairs: within each item (sorted by time) a
/// share is paired with the following shares by other accounts at most the window later, at most
/// <c>maxPairsPerShare</c> of them (the hot-item cap). Each account pair counts once per item.
/// Items are split across threads; the pairs are then grouped by account with a counting sort and
/// counted per partner. Only pairs with two or more co-actions are listed; all are counted.
/// </summary>
internal static class PairGenerator
{
    public static CandidateEdges Generate(Occurrences occurrences, int accountCount, int windowSeconds, int maxPairsPerShare)
    {
        var parts = Math.Max(1, Environment.ProcessorCount * 2);
        var outputs = new PartOutput[parts];
        var boundaries = Split(occurrences, parts);
        Parallel.For(0, parts, p => outputs[p] = RunPart(occurrences, boundaries[p], boundaries[p + 1], windowSeconds, maxPairsPerShare, accountCount));

        long slots = 0, skipped = 0;
        var capped = 0;
        foreach (var output in outputs)
        {
            slots += output.Pairs.Count;
            skipped += output.Skipped;
            capped += output.Capped;
        }

        var (a, b, w, distinct) = Count(outputs, accountCount, slots);
        return new CandidateEdges { A = a, B = b, Weight = w, Count = distinct, Slots = slots, ItemsCapped = capped, PairsSkipped = skipped };
    }

    /// <summary>Visits the pairs (of occurrence positions) the generator would produce for one item, same order and cap.</summary>
    public static void VisitItem(Occurrences occurrences, int item, int windowSeconds, int maxPairsPerShare, Action<int, int> visit)
    {
        var times = occurrences.Times;
        var accounts = occurrences.Accounts;
        var end = occurrences.Offsets[item + 1];
        for (var i = occurrences.Offsets[item]; i < end; i++)
        {
            var limit = Math.Min(end, i + 1 + maxPairsPerShare);
            for (var j = i + 1; j < limit && times[j] - times[i] <= windowSeconds; j++)
            {
                if (accounts[i] != accounts[j])
                {
                    visit(i, j);
                }
            }
        }
    }

    private static int[] Split(Occurrences occurrences, int parts)
    {
        var boundaries = new int[parts + 1];
        var items = occurrences.ItemCount;
        var total = (long)occurrences.Count;
        var item = 0;
        for (var p = 1; p < parts; p++)
        {
            var target = total * p / parts;
            while (item < items && occurrences.Offsets[item] < target)
            {
                item++;
            }

            boundaries[p] = item;
        }

        boundaries[parts] = items;
        return boundaries;
    }

    private static PartOutput RunPart(Occurrences occurrences, int fromItem, int toItem, int window, int cap, int accountCount)
    {
        // stamp[a] == item + 1 when account a occurred in the item, repeated[a] == item + 1 when more than once: only
        // a pair with a repeated account can come up twice, so only those pairs go through a set.
        var stamp = new int[accountCount];
        var repeated = new int[accountCount];
        var offsets = occurrences.Offsets;
        var times = occurrences.Times;
        var accounts = occurrences.Accounts;
        var pairs = new PairChunks();
        var seenPairs = new PairSet();
        long skipped = 0;
        var capped = 0;
        for (var item = fromItem; item < toItem; item++)
        {
            var start = offsets[item];
            var end = offsets[item + 1];
            if (end - start < 2)
            {
                continue;
            }

            var repeats = false;
            for (var p = start; p < end; p++)
            {
                ref var seen = ref stamp[accounts[p]];
                if (seen == item + 1)
                {
                    repeated[accounts[p]] = item + 1;
                    repeats = true;
                }

                seen = item + 1;
            }

            if (repeats)
            {
                seenPairs.Clear();
            }

            var windowEnd = start;
            var itemSkipped = 0L;
            for (var i = start; i < end; i++)
            {
                var ti = times[i];
                var ai = accounts[i];
                var limit = Math.Min(end, i + 1 + cap);
                var j = i + 1;
                for (; j < limit; j++)
                {
                    if (times[j] - ti > window)
                    {
                        break;
                    }

                    var aj = accounts[j];
                    if (!repeats || (repeated[ai] != item + 1 && repeated[aj] != item + 1))
                    {
                        pairs.Add(ai < aj ? ((ulong)(uint)ai << 32) | (uint)aj : ((ulong)(uint)aj << 32) | (uint)ai);
                    }
                    else if (ai != aj)
                    {
                        var key = ai < aj ? ((ulong)(uint)ai << 32) | (uint)aj : ((ulong)(uint)aj << 32) | (uint)ai;
                        if (seenPairs.Add(key))
                        {
                            pairs.Add(key);
                        }
                    }
                }

                if (j == limit && limit < end)
                {
                    // The cap stopped us: count how many more shares were still inside the window.
                    if (windowEnd < limit)
                    {
                        windowEnd = limit;
                    }

                    while (windowEnd < end && times[windowEnd] - ti <= window)
                    {
                        windowEnd++;
                    }

                    itemSkipped += windowEnd - limit;
                }
            }

            if (itemSkipped > 0)
            {
                skipped += itemSkipped;
                capped++;
            }
        }

        return new PartOutput(pairs, skipped, capped);
    }

    /// <summary>Counts co-actions per account pair; lists the pairs with two or more and returns how many pairs there were in all.</summary>
    private static (int[] A, int[] B, int[] W, int Distinct) Count(PartOutput[] outputs, int accountCount, long total)
    {
        var offsets = new int[accountCount + 1];
        foreach (var output in outputs)
        {
            foreach (var chunk in output.Pairs.Chunks)
            {
                foreach (var key in chunk.Span)
                {
                    offsets[(int)(key >> 32) + 1]++;
                }
            }
        }

        for (var a = 0; a < accountCount; a++)
        {
            offsets[a + 1] += offsets[a];
        }

        var partners = new int[checked((int)total)];
        var next = offsets.AsSpan(0, accountCount).ToArray();
        foreach (var output in outputs)
        {
            foreach (var chunk in output.Pairs.Chunks)
            {
                foreach (var key in chunk.Span)
                {
                    partners[next[(int)(key >> 32)]++] = (int)(uint)key;
                }
            }
        }

        Array.Clear(outputs); // the pair lists are no longer needed; let them go before the next allocations
        var parts = Math.Max(1, Environment.ProcessorCount * 2);
        var results = new (GrowableArray<int> A, GrowableArray<int> B, GrowableArray<int> W, int Distinct)[parts];
        Parallel.For(0, parts, part =>
        {
            var a2 = new GrowableArray<int>(1024);
            var b2 = new GrowableArray<int>(1024);
            var w2 = new GrowableArray<int>(1024);
            var distinct = 0;

            // Co-actions per partner in a dense counter (reset after each account); partners seen twice or more are
            // listed in partner order, as a sort of the whole list would give them.
            var counter = new int[accountCount];
            var heavy = new List<int>();
            var to = (int)((long)accountCount * (part + 1) / parts);
            for (var a = (int)((long)accountCount * part / parts); a < to; a++)
            {
                var span = partners.AsSpan(offsets[a], offsets[a + 1] - offsets[a]);
                foreach (var b in span)
                {
                    var c = ++counter[b];
                    if (c == 1)
                    {
                        distinct++;
                    }
                    else if (c == 2)
                    {
                        heavy.Add(b);
                    }
                }

                if (heavy.Count > 0)
                {
                    heavy.Sort();
                    foreach (var b in heavy)
                    {
                        a2.Add(a);
                        b2.Add(b);
                        w2.Add(counter[b]);
                    }

                    heavy.Clear();
                }

                foreach (var b in span)
                {
                    counter[b] = 0;
                }
            }

            results[part] = (a2, b2, w2, distinct);
        });

        var total2 = results.Sum(r => r.A.Count);
        var (resultA, resultB, resultW) = (new int[total2], new int[total2], new int[total2]);
        var at = 0;
        foreach (var (a2, b2, w2, _) in results)
        {
            a2.AsSpan().CopyTo(resultA.AsSpan(at));
            b2.AsSpan().CopyTo(resultB.AsSpan(at));
            w2.AsSpan().CopyTo(resultW.AsSpan(at));
            at += a2.Count;
        }

        return (resultA, resultB, resultW, results.Sum(r => r.Distinct));
    }

    /// <summary>A set of account-pair keys for one item: open addressing, emptied in O(1) by moving to a new stamp.</summary>
    private sealed class PairSet
    {
        private ulong[] _keys = new ulong[1024];
        private int[] _stamps = new int[1024];
        private int _stamp = 1;
        private int _count;

        public void Clear()
        {
            _count = 0;
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_stamps);
                _stamp = 1;
            }
        }

        /// <summary>Adds the key; false when it was already there.</summary>
        public bool Add(ulong key)
        {
            if (_count * 2 >= _keys.Length)
            {
                Grow();
            }

            var mask = _keys.Length - 1;
            var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - BitOperations.Log2((uint)_keys.Length)));
            while (_stamps[slot] == _stamp)
            {
                if (_keys[slot] == key)
                {
                    return false;
                }

                slot = (slot + 1) & mask;
            }

            _stamps[slot] = _stamp;
            _keys[slot] = key;
            _count++;
            return true;
        }

        private void Grow()
        {
            var (keys, stamps, stamp) = (_keys, _stamps, _stamp);
            _keys = new ulong[keys.Length * 2];
            _stamps = new int[keys.Length * 2];
            _stamp = 1;
            _count = 0;
            for (var i = 0; i < keys.Length; i++)
            {
                if (stamps[i] == stamp)
                {
                    Add(keys[i]);
                }
            }
        }
    }

    /// <summary>Pair keys in fixed-size chunks: no copying and at most one part-filled chunk, where a doubling array can hold twice the pairs.</summary>
    private sealed class PairChunks
    {
        private const int ChunkSize = 1 << 18;
        private readonly List<ulong[]> _full = [];
        private ulong[] _current = new ulong[1024];
        private int _used;

        public long Count => ((long)_full.Count * ChunkSize) + _used;

        public IEnumerable<ReadOnlyMemory<ulong>> Chunks => _full.Select(c => (ReadOnlyMemory<ulong>)c).Append(_current.AsMemory(0, _used));

        public void Add(ulong key)
        {
            if (_used == _current.Length)
            {
                if (_current.Length < ChunkSize)
                {
                    Array.Resize(ref _current, _current.Length * 4);
                }
                else
                {
                    _full.Add(_current);
                    _current = new ulong[ChunkSize];
                    _used = 0;
                }
            }

            _current[_used++] = key;
        }
    }

    private sealed record PartOutput(PairChunks Pairs, long Skipped, int Capped);
}
