using Microsoft.Extensions.DependencyInjection;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>Reads a test hub's transparency log: its entries of one type, or those that match once they have arrived.</summary>
public static class LogEntries
{
    public static async Task<List<T>> AllAsync<T>(TestHub hub)
        where T : LedgerEvent
    {
        ArgumentNullException.ThrowIfNull(hub);
        var log = hub.Services.GetRequiredService<TransparencyLog>();
        var found = new List<T>();
        var size = await log.GetSizeAsync();
        for (long start = 0; start < size; start += 256)
        {
            foreach (var entry in await log.ReadEntriesAsync(start, (int)Math.Min(256, size - start)))
            {
                if (LedgerEntryCodec.Parse(entry.Span) is T typed)
                {
                    found.Add(typed);
                }
            }
        }

        return found;
    }

    /// <summary>The matching entries once at least <paramref name="atLeast"/> are in the log (the consumers write them shortly after the event); fails after 30 s.</summary>
    public static async Task<List<T>> WaitForAsync<T>(TestHub hub, Func<T, bool> match, int atLeast = 1)
        where T : LedgerEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = (await AllAsync<T>(hub)).Where(match).ToList();
            if (found.Count >= atLeast)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {typeof(T).Name} entry reached the log");
            await Task.Delay(50);
        }
    }
}
