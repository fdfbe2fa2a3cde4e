using Vigil.Ledger.Entries;
using Vigil.Ledger.Notes;

namespace Vigil.Storage.Tests.Ledger;

/// <summary>Deterministic ledger entries and a fixed log key, so a reopened or restarted log can be checked entry by entry.</summary>
internal static class LedgerSamples
{
    public const string Origin = "vigil.storage.test/log";

    private static readonly DateTimeOffset Epoch = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static NoteSigner LogKey() => NoteSigner.FromSeed(Origin, NoteKeyType.Ed25519, Enumerable.Repeat((byte)7, 32).ToArray());

    public static byte[] Entry(long i) => LedgerEntryCodec.Serialize(new DataDeleted
    {
        OccurredAt = Epoch.AddSeconds(i),
        SubjectId = $"indicator--{i:D8}",
        Reason = "retention",
        DeletedBy = "retention-policy",
    });

    public static ReadOnlyMemory<byte>[] Entries(long from, long to)
    {
        var list = new ReadOnlyMemory<byte>[to - from];
        for (var i = from; i < to; i++)
        {
            list[i - from] = Entry(i);
        }

        return list;
    }
}
