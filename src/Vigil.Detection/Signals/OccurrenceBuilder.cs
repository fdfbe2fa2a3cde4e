using Vigil.Detection.Activities;

namespace Vigil.Detection.Signals;

/// <summary>Collects (row, item) occurrences, then groups them by item with a counting sort and orders each item by time.</summary>
internal sealed class OccurrenceBuilder(int itemCount, int capacity)
{
    private GrowableArray<int> _rows = new(capacity);
    private GrowableArray<int> _items = new(capacity);

    public void Add(int row, int item)
    {
        _rows.Add(row);
        _items.Add(item);
    }

    public Occurrences Build(ActivityTable table, SignalKind kind, Func<int, string> label)
    {
        var n = _rows.Count;
        var offsets = new int[itemCount + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[_items[i] + 1]++;
        }

        for (var k = 0; k < itemCount; k++)
        {
            offsets[k + 1] += offsets[k];
        }

        var next = offsets.AsSpan(0, itemCount).ToArray();
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[next[_items[i]]++] = _rows[i];
        }

        // Gathering times and accounts by row misses the cache on nearly every read; the reads are independent, so split them.
        var times = new long[n];
        var accounts = new int[n];
        var tableTime = table.Time;
        var tableAccount = table.Account;
        Parallel.For(0, Partitions, part =>
        {
            for (var i = (int)((long)n * part / Partitions); i < (long)n * (part + 1) / Partitions; i++)
            {
                times[i] = tableTime[rows[i]];
            }
        });

        Parallel.For(0, Partitions, part =>
        {
            var (from, to) = (itemCount * (long)part / Partitions, itemCount * (long)(part + 1) / Partitions);
            for (var k = (int)from; k < to; k++)
            {
                var length = offsets[k + 1] - offsets[k];
                if (length > 1)
                {
                    times.AsSpan(offsets[k], length).Sort(rows.AsSpan(offsets[k], length));
                }
            }
        });

        Parallel.For(0, Partitions, part =>
        {
            for (var i = (int)((long)n * part / Partitions); i < (long)n * (part + 1) / Partitions; i++)
            {
                accounts[i] = tableAccount[rows[i]];
            }
        });

        return new Occurrences { Kind = kind, Offsets = offsets, Rows = rows, Times = times, Accounts = accounts, Label = label };
    }

    private static int Partitions => Environment.ProcessorCount * 4;
}
