using Microsoft.Extensions.DependencyInjection;
using Vigil.Ledger.Entries;
using Vigil.Ledger.Log;
using Vigil.Server.Log;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Log;

/// <summary>Helpers for log tests on a real hub: append ledger entries through the hub's own log and sign on demand.</summary>
internal static class LogHub
{
    private static readonly DateTimeOffset Epoch = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static TransparencyLog Log(this TestHub hub) => hub.Services.GetRequiredService<TransparencyLog>();

    public static byte[] Entry(long i) => LedgerEntryCodec.Serialize(new DataDeleted
    {
        OccurredAt = Epoch.AddSeconds(i),
        SubjectId = $"indicator--{i:D8}",
        Reason = "retention",
        DeletedBy = "retention-policy",
    });

    /// <summary>Appends entries until the log holds <paramref name="size"/>, then signs a checkpoint.</summary>
    public static async Task GrowAsync(this TestHub hub, long size)
    {
        var log = hub.Log();
        for (var start = await log.GetSizeAsync(); start < size; start = await log.GetSizeAsync())
        {
            var end = Math.Min(size, start + 500);
            var batch = new List<ReadOnlyMemory<byte>>();
            for (var i = start; i < end; i++)
            {
                batch.Add(Entry(i));
            }

            await log.AppendAsync(batch);
        }

        await hub.Services.GetRequiredService<CheckpointService>().SignNowAsync();
    }
}
