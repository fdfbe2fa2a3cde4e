using Vigil.Media.Pdq;

namespace Vigil.Media.Video;

/// <summary>
/// vPDQ matching as Meta defines it: the frames are a bag of distinct hashes; frames under the
/// quality threshold are dropped; a frame is matched when some frame of the other video is within
/// the distance; it is a match when both match percentages reach their thresholds.
/// </summary>
public static class VpdqMatcher
{
    public static VpdqMatchResult Match(IEnumerable<VideoFrameHash> query, IEnumerable<VideoFrameHash> target, VpdqMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(target);
        options ??= VpdqMatchOptions.Default;
        var q = Distinct(query, options.MinQuality);
        var t = Distinct(target, options.MinQuality);
        if (q.Length == 0 || t.Length == 0)
        {
            return new VpdqMatchResult(0, 0, q.Length, t.Length, false);
        }

        var qPercent = MatchedCount(q, t, options.MaxDistance) * 100.0 / q.Length;
        var tPercent = MatchedCount(t, q, options.MaxDistance) * 100.0 / t.Length;
        return new VpdqMatchResult(qPercent, tPercent, q.Length, t.Length,
            tPercent >= options.TargetMatchPercent && qPercent >= options.QueryMatchPercent);
    }

    public static VpdqMatchResult Match(VideoHash query, VideoHash target, VpdqMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(target);
        return Match(query.Frames, target.Frames, options);
    }

    private static PdqHash[] Distinct(IEnumerable<VideoFrameHash> frames, int minQuality) =>
        frames.Where(f => f.Quality >= minQuality).Select(f => f.Hash).Distinct().ToArray();

    private static int MatchedCount(PdqHash[] from, PdqHash[] to, int maxDistance)
    {
        var count = 0;
        foreach (var a in from)
        {
            foreach (var b in to)
            {
                if (PdqHash.Distance(a, b) <= maxDistance)
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }
}
