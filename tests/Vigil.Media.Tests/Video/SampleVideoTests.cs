using Vigil.Media.Video;
using Xunit.Abstractions;

namespace Vigil.Media.Tests.Video;

public sealed class SampleVideoTests(SampleVideos videos, ITestOutputHelper output) : IClassFixture<SampleVideos>
{
    [Fact]
    public void Frame_hashes_agree_with_the_reference_on_at_least_95_percent_of_good_frames()
    {
        long good = 0, agreeing = 0, exact = 0;
        foreach (var (name, hash) in videos.Whole)
        {
            var reference = SampleVideos.Reference(name);
            var ours = hash.Frames.ToDictionary(f => f.FrameNumber);
            Assert.Equal(reference.Count, hash.Frames.Count);
            int g = 0, a = 0, e = 0;
            foreach (var r in reference.Where(r => r.Quality >= 80))
            {
                g++;
                var d = ours[r.FrameNumber].Hash.DistanceTo(r.Hash);
                a += d <= 10 ? 1 : 0;
                e += d == 0 ? 1 : 0;
                Assert.Equal(r.TimestampSeconds, ours[r.FrameNumber].TimestampSeconds, 0.0015);
            }

            output.WriteLine($"{name}: {a}/{g} frames within 10 ({100.0 * a / Math.Max(1, g):F1}%), {e} identical");
            (good, agreeing, exact) = (good + g, agreeing + a, exact + e);
        }

        var share = 100.0 * agreeing / good;
        output.WriteLine($"all: {agreeing}/{good} = {share:F2}% within distance 10, {100.0 * exact / good:F1}% identical");
        Assert.True(good > 5000, $"only {good} good frames compared");
        Assert.True(share >= 95, $"per-frame agreement {share:F2}% < 95%");
    }

    [Fact]
    public void Match_percentages_equal_those_of_the_reference_hashes_within_5_points()
    {
        var names = videos.Whole.Keys.ToList();
        var worst = 0.0;
        foreach (var q in names)
        {
            foreach (var t in names)
            {
                var ours = VpdqMatcher.Match(videos.Whole[q], videos.Whole[t]);
                var theirs = VpdqMatcher.Match(SampleVideos.Reference(q), SampleVideos.Reference(t));
                var gap = Math.Max(Math.Abs(ours.QueryMatchPercent - theirs.QueryMatchPercent), Math.Abs(ours.TargetMatchPercent - theirs.TargetMatchPercent));
                worst = Math.Max(worst, gap);
                Assert.True(gap <= 5, $"{q} vs {t}: ours {ours.QueryMatchPercent:F0}/{ours.TargetMatchPercent:F0}, reference {theirs.QueryMatchPercent:F0}/{theirs.TargetMatchPercent:F0}");
                Assert.Equal(theirs.IsMatch, ours.IsMatch);
            }
        }

        output.WriteLine($"{names.Count}x{names.Count} pairs, largest gap {worst:F1} points");
    }

    [Fact]
    public void Chair_videos_match_each_other_and_nothing_else()
    {
        // A logo covering a large part of the frame defeats PDQ: Meta's own frame hashes of the
        // large-logo copies match about 10% of the others, so those are checked for no false match only.
        var options = new VpdqMatchOptions { TargetMatchPercent = 75 };
        var report = new List<string>();
        foreach (var (q, qh) in videos.Whole)
        {
            foreach (var (t, th) in videos.Whole.Where(v => v.Key != q))
            {
                var r = VpdqMatcher.Match(qh, th, options);
                var sameGroup = SampleVideos.Group(q) == SampleVideos.Group(t);
                if (!sameGroup)
                {
                    Assert.False(r.IsMatch, $"{q} must not match {t} ({r.QueryMatchPercent:F0}/{r.TargetMatchPercent:F0})");
                    Assert.True(r.TargetMatchPercent <= 5, $"{q} vs {t}: {r.TargetMatchPercent:F0}% of frames matched");
                }
                else if (q.StartsWith("chair", StringComparison.Ordinal) && !q.Contains("large-logo", StringComparison.Ordinal) && !t.Contains("large-logo", StringComparison.Ordinal))
                {
                    report.Add($"{q} ~ {t}: {r.QueryMatchPercent:F0}/{r.TargetMatchPercent:F0}");
                    Assert.True(r.IsMatch, $"{q} should match {t} ({r.QueryMatchPercent:F0}/{r.TargetMatchPercent:F0})");
                }
            }
        }

        report.ForEach(output.WriteLine);
        Assert.NotEmpty(report);
    }

    [Fact]
    public void Pattern_videos_with_and_without_bars_match_once_bars_are_trimmed()
    {
        var options = new VpdqMatchOptions { TargetMatchPercent = 75 };
        var trimmed = videos.TrimmedPatterns;
        foreach (var (q, qh) in trimmed.Where(v => !v.Key.Contains("large-logo", StringComparison.Ordinal)))
        {
            foreach (var (t, th) in trimmed.Where(v => v.Key != q && !v.Key.Contains("large-logo", StringComparison.Ordinal)))
            {
                var r = VpdqMatcher.Match(qh, th, options);
                output.WriteLine($"{q} ~ {t}: {r.QueryMatchPercent:F0}/{r.TargetMatchPercent:F0}");
                Assert.True(r.IsMatch, $"{q} should match {t} ({r.QueryMatchPercent:F0}/{r.TargetMatchPercent:F0})");
            }
        }

        // Whole frames (the reference way) do not match across the bar difference.
        Assert.False(VpdqMatcher.Match(videos.Whole["pattern-hd-no-bar"], videos.Whole["pattern-sd-grey-bar"], options).IsMatch);
        Assert.True(trimmed.Count >= 5);
    }
}
