using Vigil.Detection.Activities;

namespace Vigil.Detection.Signals;

/// <summary>
/// Turns a signal's occurrences into co-acting account pairs: within each item (sorted by time) a
/// share is paired with the following shares by other accounts at most the window later, at most
/// <c>maxPairsPerShare</c> of them (the hot-item cap). Each account pair counts once per item.
/// Items are split across threads; the pairs are then counted per account pair with a counting sort.
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

        var (a, b, w) = Count(outputs, accountCount, slots);
        return new CandidateEdges { A = a, B = b, Weight = w, Slots = slots, ItemsCapped = capped, PairsSkipped = skipped };
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
        // stamp[a] == item + 1 when account a already occurred in the item: only then can pairs repeat.
        var stamp = new int[accountCount];
        var offsets = occurrences.Offsets;
        var times = occurrences.Times;
        var accounts = occurrences.Accounts;
        var pairs = new GrowableArray<ulong>(1 << 16);
        var buffer = new ulong[256];
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
                repeats |= seen == item + 1;
                seen = item + 1;
            }

            var count = 0;
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
                    if (!repeats)
                    {
                        pairs.Add(ai < aj ? ((ulong)(uint)ai << 32) | (uint)aj : ((ulong)(uint)aj << 32) | (uint)ai);
                    }
                    else if (ai != aj)
                    {
                        if (count == buffer.Length)
                        {
                            Array.Resize(ref buffer, buffer.Length * 2);
                        }

                        buffer[count++] = ai < aj ? ((ulong)(uint)ai << 32) | (uint)aj : ((ulong)(uint)aj << 32) | (uint)ai;
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

            if (count == 0)
            {
                continue;
            }

            var span = buffer.AsSpan(0, count);
            if (count > 1)
            {
                span.Sort();
            }

            var previous = ulong.MaxValue;
            foreach (var key in span)
            {
                if (key != previous)
                {
                    pairs.Add(key);
                    previous = key;
                }
            }
        }

        return new PartOutput(pairs, skipped, capped);
    }

    private static (int[] A, int[] B, int[] W) Count(PartOutput[] outputs, int accountCount, long total)
    {
        var offsets = new int[accountCount + 1];
        foreach (var output in outputs)
        {
            foreach (var key in output.Pairs.AsSpan())
            {
                offsets[(int)(key >> 32) + 1]++;
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
            foreach (var key in output.Pairs.AsSpan())
            {
                partners[next[(int)(key >> 32)]++] = (int)(uint)key;
            }
        }

        Array.Clear(outputs); // the pair lists are no longer needed; let them go before the next allocations
        var parts = Math.Max(1, Environment.ProcessorCount * 2);
        var results = new (GrowableArray<int> A, GrowableArray<int> B, GrowableArray<int> W)[parts];
        Parallel.For(0, parts, part =>
        {
            var a2 = new GrowableArray<int>(1024);
            var b2 = new GrowableArray<int>(1024);
            var w2 = new GrowableArray<int>(1024);
            var to = (int)((long)accountCount * (part + 1) / parts);
            for (var a = (int)((long)accountCount * part / parts); a < to; a++)
            {
                var length = offsets[a + 1] - offsets[a];
                if (length == 0)
                {
                    continue;
                }

                var span = partners.AsSpan(offsets[a], length);
                span.Sort();
                var run = 1;
                for (var i = 1; i <= span.Length; i++)
                {
                    if (i < span.Length && span[i] == span[i - 1])
                    {
                        run++;
                        continue;
                    }

                    a2.Add(a);
                    b2.Add(span[i - 1]);
                    w2.Add(run);
                    run = 1;
                }
            }

            results[part] = (a2, b2, w2);
        });

        var total2 = results.Sum(r => r.A.Count);
        var (resultA, resultB, resultW) = (new int[total2], new int[total2], new int[total2]);
        var at = 0;
        foreach (var (a2, b2, w2) in results)
        {
            a2.AsSpan().CopyTo(resultA.AsSpan(at));
            b2.AsSpan().CopyTo(resultB.AsSpan(at));
            w2.AsSpan().CopyTo(resultW.AsSpan(at));
            at += a2.Count;
        }

        return (resultA, resultB, resultW);
    }

    private sealed record PartOutput(GrowableArray<ulong> Pairs, long Skipped, int Capped);
}
