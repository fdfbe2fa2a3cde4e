using Vigil.Ledger.Entries;

namespace Vigil.Ledger.Tests.Support;

internal static class TestEvents
{
    public static readonly DateTimeOffset Epoch = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Entry(long i) => LedgerEntryCodec.Serialize(new DataDeleted
    {
        OccurredAt = Epoch.AddSeconds(i),
        SubjectId = $"indicator--{i:D8}",
        Reason = "retention",
        DeletedBy = "retention-policy",
    });

    public static List<ReadOnlyMemory<byte>> Entries(long from, long to)
    {
        var list = new List<ReadOnlyMemory<byte>>();
        for (var i = from; i < to; i++)
        {
            list.Add(Entry(i));
        }

        return list;
    }
}
