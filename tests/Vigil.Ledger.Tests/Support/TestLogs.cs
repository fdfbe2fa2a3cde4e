using System.Text;
using Vigil.Ledger.Log;
using Vigil.Ledger.Merkle;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Storage;

namespace Vigil.Ledger.Tests.Support;

/// <summary>Real logs over the in-memory store, with fixed keys so failures reproduce.</summary>
internal static class TestLogs
{
    public const string Origin = "hub.example.org/log";

    public static NoteSigner LogKey(string name = Origin, byte seed = 1) =>
        NoteSigner.FromSeed(name, NoteKeyType.Ed25519, Enumerable.Repeat(seed, 32).ToArray());

    public static NoteSigner WitnessKey(string name, byte seed) =>
        NoteSigner.FromSeed(name, NoteKeyType.Cosignature, Enumerable.Repeat(seed, 32).ToArray());

    public static byte[] Entry(long i) => Encoding.UTF8.GetBytes($"entry {i}");

    public static MerkleHash[] LeafHashes(int count) =>
        Enumerable.Range(0, count).Select(i => MerkleHasher.HashLeaf(Entry(i))).ToArray();

    public static async Task<TransparencyLog> WithEntriesAsync(InMemoryLogStore store, NoteSigner key, long count, int batch = 1000)
    {
        var log = new TransparencyLog(store, key);
        await AppendAsync(log, 0, count, batch);
        return log;
    }

    public static async Task AppendAsync(TransparencyLog log, long from, long to, int batch = 1000)
    {
        for (var start = from; start < to; start += batch)
        {
            var end = Math.Min(to, start + batch);
            var entries = new List<ReadOnlyMemory<byte>>();
            for (var i = start; i < end; i++)
            {
                entries.Add(Entry(i));
            }

            await log.AppendAsync(entries);
        }
    }

    public static MerkleHash Hex(string hex) => MerkleHash.FromHex(hex);
}
