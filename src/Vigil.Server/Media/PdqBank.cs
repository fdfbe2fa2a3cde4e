using System.Text.Json.Nodes;
using Vigil.Media.Index;
using Vigil.Media.Pdq;
using Vigil.Media.Video;
using Vigil.Storage.Objects;

namespace Vigil.Server.Media;

/// <summary>
/// The hashes one reader may see: PDQ hashes in a brute-force index (<see cref="Entries"/> is parallel to its
/// positions) and whole-video vPDQ hashes in <see cref="Videos"/>.
/// </summary>
public sealed record PdqBank(BruteForceIndex Index, IReadOnlyList<BankEntry> Entries, VideoBank Videos, long MaxSeq, DateTimeOffset LoadedAt)
{
    /// <summary>
    /// Indexes every PDQ hash of the stored file SCOs and indicators (each object's hash once), and every video whose
    /// frames a visible file SCO carries, with the visible objects naming its digest (that file, indicators).
    /// </summary>
    public static PdqBank Build(IReadOnlyList<StoredObject> stored, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var index = new BruteForceIndex(Math.Max(16, stored.Count));
        var entries = new List<BankEntry>(stored.Count);
        var seen = new HashSet<(string, PdqHash)>();
        var videoFrames = new Dictionary<string, IReadOnlyList<VideoFrameHash>>(StringComparer.Ordinal);
        var videoEntries = new Dictionary<string, List<BankEntry>>(StringComparer.Ordinal);
        long maxSeq = 0;
        foreach (var item in stored)
        {
            maxSeq = Math.Max(maxSeq, item.Seq);
            // Most files and indicators carry no PDQ or vPDQ hash; only those are parsed.
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

            if (VpdqStixHashes.Extract(json) is { } video)
            {
                if (video.Frames is { } frames)
                {
                    videoFrames.TryAdd(video.Digest, frames);
                }

                if (!videoEntries.TryGetValue(video.Digest, out var owners))
                {
                    owners = [];
                    videoEntries[video.Digest] = owners;
                }

                if (!owners.Exists(o => o.ObjectId == item.Id))
                {
                    owners.Add(new BankEntry(item.Id, item.Type, item.CollectionId, item.Tlp, video.Label));
                }
            }
        }

        var videos = videoFrames
            .Select(v => (v.Key, v.Value, (IReadOnlyList<BankEntry>)videoEntries[v.Key]))
            .ToList();
        return new PdqBank(index, entries, videos.Count == 0 ? VideoBank.Empty : VideoBank.Build(videos), maxSeq, loadedAt);
    }
}
