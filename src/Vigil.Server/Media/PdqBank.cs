using System.Text.Json.Nodes;
using Vigil.Media.Index;
using Vigil.Media.Pdq;
using Vigil.Storage.Objects;

namespace Vigil.Server.Media;

/// <summary>The PDQ hashes one reader may see, in a brute-force index; <see cref="Entries"/> is parallel to the index positions.</summary>
public sealed record PdqBank(BruteForceIndex Index, IReadOnlyList<BankEntry> Entries, long MaxSeq, DateTimeOffset LoadedAt)
{
    /// <summary>Indexes every PDQ hash of the stored file SCOs and indicators (each object's hash once).</summary>
    public static PdqBank Build(IReadOnlyList<StoredObject> stored, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var index = new BruteForceIndex(Math.Max(16, stored.Count));
        var entries = new List<BankEntry>(stored.Count);
        var seen = new HashSet<(string, PdqHash)>();
        long maxSeq = 0;
        foreach (var item in stored)
        {
            maxSeq = Math.Max(maxSeq, item.Seq);
            // Most files and indicators carry no PDQ hash; only those are parsed.
            if (item.Json is null || !item.Json.Contains(PdqStixHashes.HashKey, StringComparison.OrdinalIgnoreCase)
                || JsonNode.Parse(item.Json) is not JsonObject json)
            {
                continue;
            }

            foreach (var found in PdqStixHashes.Extract(json))
            {
                if (seen.Add((item.Id, found.Hash)))
                {
                    index.Add(found.Hash);
                    entries.Add(new BankEntry(item.Id, item.Type, item.CollectionId, item.Tlp, found.Label));
                }
            }
        }

        return new PdqBank(index, entries, maxSeq, loadedAt);
    }
}
