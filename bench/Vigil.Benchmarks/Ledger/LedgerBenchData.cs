using Vigil.Ledger.Entries;
using Vigil.Ledger.Notes;

namespace Vigil.Benchmarks.Ledger;

/// <summary>The signing key and realistic canonical-JSON "object shared" entries the ledger benchmarks append.</summary>
internal static class LedgerBenchData
{
    public static NoteSigner Signer() => NoteSigner.FromSeed("bench.example/log", NoteKeyType.Ed25519, new byte[32]);

    public static List<ReadOnlyMemory<byte>>[] Batches(int entries, int batchSize)
    {
        var at = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var all = new ReadOnlyMemory<byte>[entries];
        for (var i = 0; i < entries; i++)
        {
            all[i] = LedgerEntryCodec.Serialize(new ObjectShared
            {
                OccurredAt = at.AddMilliseconds(i),
                ObjectId = $"indicator--{Guid.CreateVersion7():D}",
                ObjectVersion = "2026-05-01T00:00:00.000Z",
                AuthorOrg = $"org-{i % 97}",
                ContentClass = "public-content",
                Recipients = ["org-gov-1", "group-12"],
                Marking = "TLP:GREEN",
            });
        }

        return all.Chunk(batchSize).Select(c => c.ToList()).ToArray();
    }
}
