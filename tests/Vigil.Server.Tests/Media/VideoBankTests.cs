using Vigil.Core.Sharing;
using Vigil.Media.Pdq;
using Vigil.Media.Video;
using Vigil.Server.Media;

namespace Vigil.Server.Tests.Media;

public sealed class VideoBankTests
{
    private readonly Random _random = new(20260529);

    private PdqHash RandomHash()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return new PdqHash(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..16]), BitConverter.ToUInt64(bytes[16..24]), BitConverter.ToUInt64(bytes[24..]));
    }

    private PdqHash Flip(PdqHash hash, int bits)
    {
        Span<ulong> words = [hash.W0, hash.W1, hash.W2, hash.W3];
        foreach (var bit in Enumerable.Range(0, PdqHash.BitCount).OrderBy(_ => _random.Next()).Take(bits))
        {
            words[bit / 64] ^= 1UL << (bit % 64);
        }

        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    [Fact]
    public void Percentages_and_matches_agree_with_the_vpdq_matcher_for_every_bank_video()
    {
        var videos = new List<(string Digest, IReadOnlyList<VideoFrameHash> Frames, IReadOnlyList<BankEntry> Entries)>();
        for (var v = 0; v < 40; v++)
        {
            var distinct = Enumerable.Range(0, _random.Next(1, 12)).Select(_ => RandomHash()).ToArray();
            // Repeated hashes at different qualities, some under the threshold.
            var frames = Enumerable.Range(0, _random.Next(1, 30))
                .Select(i => new VideoFrameHash(i, distinct[_random.Next(distinct.Length)], _random.Next(30, 101), i))
                .ToList();
            videos.Add(($"video-{v}", frames, [new BankEntry($"file--{v}", "file", "c", TlpLevel.Green, null)]));
        }

        var bank = VideoBank.Build(videos);
        for (var round = 0; round < 30; round++)
        {
            // Frames of a few bank videos with 0..45 bits changed (so some are beyond the distance), and unrelated frames.
            var query = new List<VideoFrameHash>();
            foreach (var source in Enumerable.Range(0, 3).Select(_ => videos[_random.Next(videos.Count)]))
            {
                query.AddRange(source.Frames.Where(_ => _random.Next(3) > 0).Select(f => f with { Hash = Flip(f.Hash, _random.Next(46)), Quality = _random.Next(40, 101) }));
            }

            query.AddRange(Enumerable.Range(0, _random.Next(5)).Select(i => new VideoFrameHash(i, RandomHash(), 100, i)));
            foreach (var options in new[] { VpdqMatchOptions.Default with { TargetMatchPercent = 0 }, VpdqMatchOptions.Default, VpdqMatchOptions.Default with { QueryMatchPercent = 30, MaxDistance = 20 } })
            {
                var found = bank.Match(query, options).ToDictionary(m => m.Video.Digest);
                foreach (var (digest, frames, _) in videos)
                {
                    var expected = VpdqMatcher.Match(query, frames, options);
                    if (found.TryGetValue(digest, out var match))
                    {
                        Assert.True(expected.IsMatch, $"{digest} matched but the reference says no");
                        Assert.Equal(expected.QueryMatchPercent, match.Result.QueryMatchPercent, 9);
                        Assert.Equal(expected.TargetMatchPercent, match.Result.TargetMatchPercent, 9);
                        Assert.Equal(expected.QueryFrames, match.Result.QueryFrames);
                        Assert.Equal(expected.TargetFrames, match.Result.TargetFrames);
                    }
                    else
                    {
                        Assert.True(!expected.IsMatch || expected.TargetMatchPercent == 0, $"{digest} should match: {expected}");
                    }
                }
            }
        }
    }
}
