using Vigil.Media.Index;
using Vigil.Media.Pdq;
using Vigil.Media.Video;

namespace Vigil.Server.Media;

/// <summary>
/// The whole-video (vPDQ) hashes one reader may see: every video's distinct frame hashes in one index, so that a
/// query video is compared with all of them in one pass per query frame. Matching follows
/// <see cref="VpdqMatcher"/>: frames are a set of distinct hashes, those under the quality threshold are left out,
/// and the percentages count the frames on each side with a match within the distance on the other.
/// </summary>
public sealed class VideoBank
{
    private readonly BruteForceIndex _frames;
    private readonly int[] _frameVideo;
    private readonly int[] _frameQuality;

    private VideoBank(BruteForceIndex frames, int[] frameVideo, int[] frameQuality, IReadOnlyList<VideoBankEntry> videos)
    {
        _frames = frames;
        _frameVideo = frameVideo;
        _frameQuality = frameQuality;
        Videos = videos;
    }

    public static VideoBank Empty { get; } = Build([]);

    public IReadOnlyList<VideoBankEntry> Videos { get; }

    public int FrameCount => _frames.Count;

    /// <summary>Indexes each video's distinct frame hashes, each with the best quality it was seen at.</summary>
    public static VideoBank Build(IReadOnlyList<(string Digest, IReadOnlyList<VideoFrameHash> Frames, IReadOnlyList<BankEntry> Entries)> videos)
    {
        ArgumentNullException.ThrowIfNull(videos);
        var index = new BruteForceIndex(Math.Max(16, videos.Sum(v => v.Frames.Count)));
        var frameVideo = new List<int>();
        var frameQuality = new List<int>();
        var entries = new List<VideoBankEntry>(videos.Count);
        foreach (var (digest, frames, owners) in videos)
        {
            var best = new Dictionary<PdqHash, int>();
            foreach (var f in frames)
            {
                best[f.Hash] = best.TryGetValue(f.Hash, out var q) ? Math.Max(q, f.Quality) : f.Quality;
            }

            var start = index.Count;
            foreach (var (hash, quality) in best)
            {
                index.Add(hash);
                frameVideo.Add(entries.Count);
                frameQuality.Add(quality);
            }

            entries.Add(new VideoBankEntry(digest, start, best.Count, owners));
        }

        return new VideoBank(index, [.. frameVideo], [.. frameQuality], entries);
    }

    /// <summary>Every bank video the query matches by <paramref name="options"/>, best target percentage first.</summary>
    public IReadOnlyList<VideoMatch> Match(IEnumerable<VideoFrameHash> query, VpdqMatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        var distinct = query.Where(f => f.Quality >= options.MinQuality).Select(f => f.Hash).Distinct().ToArray();
        var touched = new Dictionary<int, Hits>();
        for (var q = 0; q < distinct.Length; q++)
        {
            foreach (var hit in _frames.Query(distinct[q], options.MaxDistance))
            {
                if (_frameQuality[hit.Index] < options.MinQuality)
                {
                    continue;
                }

                var video = _frameVideo[hit.Index];
                if (!touched.TryGetValue(video, out var hits))
                {
                    hits = new Hits();
                    touched[video] = hits;
                }

                hits.Query.Add(q);
                hits.Target.Add(hit.Index);
                hits.MinDistance = Math.Min(hits.MinDistance, hit.Distance);
            }
        }

        var matches = new List<VideoMatch>();
        foreach (var (video, state) in touched)
        {
            var entry = Videos[video];
            var targetFrames = 0;
            for (var i = entry.FrameStart; i < entry.FrameStart + entry.FrameCount; i++)
            {
                targetFrames += _frameQuality[i] >= options.MinQuality ? 1 : 0;
            }

            var queryPercent = state.Query.Count * 100.0 / distinct.Length;
            var targetPercent = state.Target.Count * 100.0 / targetFrames;
            var result = new VpdqMatchResult(queryPercent, targetPercent, distinct.Length, targetFrames,
                targetPercent >= options.TargetMatchPercent && queryPercent >= options.QueryMatchPercent);
            if (result.IsMatch)
            {
                matches.Add(new VideoMatch(entry, result, state.MinDistance, state.Query.Count));
            }
        }

        matches.Sort(static (a, b) => b.Result.TargetMatchPercent != a.Result.TargetMatchPercent
            ? b.Result.TargetMatchPercent.CompareTo(a.Result.TargetMatchPercent)
            : string.CompareOrdinal(a.Video.Digest, b.Video.Digest));
        return matches;
    }

    private sealed class Hits
    {
        public HashSet<int> Query { get; } = [];

        public HashSet<int> Target { get; } = [];

        public int MinDistance { get; set; } = int.MaxValue;
    }
}
