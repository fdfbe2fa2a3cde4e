using System.CommandLine;
using System.Globalization;
using Vigil.Media.Imaging;
using Vigil.Media.Index;
using Vigil.Media.Pdq;
using Vigil.Media.Video;
using Vigil.Server.Media;

namespace Vigil.Cli.Media;

/// <summary>
/// <c>vigil match FILE --bank BANK [--distance 31] [--dihedral]</c>: hashes an image (or a video's frames) and prints
/// every bank hash within the distance as <c>distance,hash,label,source</c>, closest first. A video adds, after the
/// distance, how many of its frames matched (<c>3/10 frames</c>); <c>--dihedral</c> adds the rotation or mirror that matched.
/// A video is also matched against the bank's whole videos with vPDQ semantics (<see cref="VpdqMatcher"/>): each
/// bank video that reaches <c>--target-percent</c> and <c>--query-percent</c> prints
/// <c>distance,vpdq Q%/T%,vpdq:DIGEST,label,source</c> (Q: the query's distinct frames matched, T: the bank video's),
/// after the single hashes. Exit code 0 when it ran, whether or not anything matched; 1 when the file or the bank
/// cannot be read.
/// </summary>
public static class MatchCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The image or video to look up." };
        var bank = new Option<string>("--bank") { Description = "A bank: hash[,label[,source]] lines (vpdq:… for videos), or a STIX bundle with PDQ and vPDQ hashes.", Required = true };
        var distance = new Option<int>("--distance") { Description = "Largest Hamming distance that counts as a match (0..128).", DefaultValueFactory = _ => IHashIndex.DefaultMaxDistance };
        var dihedral = new Option<bool>("--dihedral") { Description = "Also match rotated and mirrored copies (the 8 dihedral variants)." };
        var video = new Option<bool>("--video") { Description = "Treat FILE as a video whatever its extension." };
        var target = new Option<double>("--target-percent")
        {
            Description = "vPDQ: share of a bank video's distinct frames that must be matched (0..100).", DefaultValueFactory = _ => VpdqMatchOptions.Default.TargetMatchPercent,
        };
        var query = new Option<double>("--query-percent")
        {
            Description = "vPDQ: share of the video's own distinct frames that must be matched (0..100).", DefaultValueFactory = _ => VpdqMatchOptions.Default.QueryMatchPercent,
        };
        var command = new Command("match", "Match an image or video against a hash bank and print the matches with their distances.")
        {
            file, bank, distance, dihedral, video, target, query,
        };
        command.SetAction((result, ct) => RunAsync(
            result.GetRequiredValue(file), result.GetRequiredValue(bank), result.GetValue(distance), result.GetValue(dihedral), result.GetValue(video),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct, result.GetValue(target), result.GetValue(query)));
        return command;
    }

    public static async Task<int> RunAsync(
        string file, string bankPath, int distance, bool dihedral, bool video, TextWriter output, TextWriter error, CancellationToken ct,
        double targetPercent = 80, double queryPercent = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (distance is < 0 or > PdqHash.BitCount / 2)
        {
            await error.WriteLineAsync($"--distance must be from 0 to {PdqHash.BitCount / 2}, not {distance}.").ConfigureAwait(false);
            return 1;
        }

        if (targetPercent is < 0 or > 100 or double.NaN || queryPercent is < 0 or > 100 or double.NaN)
        {
            await error.WriteLineAsync("--target-percent and --query-percent must be from 0 to 100.").ConfigureAwait(false);
            return 1;
        }

        HashBank bank;
        try
        {
            bank = await BankFile.ReadAsync(bankPath, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read the bank {bankPath}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var index = new BruteForceIndex(Math.Max(16, bank.Hashes.Count));
        foreach (var entry in bank.Hashes)
        {
            index.Add(entry.Hash);
        }

        var options = VpdqMatchOptions.Default with { MaxDistance = distance, TargetMatchPercent = targetPercent, QueryMatchPercent = queryPercent };
        try
        {
            var lines = video || MediaKinds.IsVideo(file)
                ? await MatchVideoAsync(file, index, bank, options, ct).ConfigureAwait(false)
                : MatchImage(file, index, bank.Hashes, distance, dihedral);
            foreach (var line in lines)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"{lines.Count} match(es) within distance {distance} among {bank.Hashes.Count} bank hashes and {bank.Videos.Count} bank videos.")
                .ConfigureAwait(false);
            return 0;
        }
        catch (ImageDecodeException e)
        {
            await error.WriteLineAsync(HashCommand.ErrorLine(e.Reason, file)).ConfigureAwait(false);
            return 1;
        }
        catch (VideoDecodeException e)
        {
            await error.WriteLineAsync(HashCommand.ErrorLine(e.Reason, file)).ConfigureAwait(false);
            return 1;
        }
    }

    private static List<string> MatchImage(string file, BruteForceIndex index, IReadOnlyList<BankHash> bank, int distance, bool dihedral)
    {
        var image = ImageDecoder.Decode(file);
        if (!dihedral)
        {
            var hash = PhotoHasher.Hash(image).Hash;
            return [.. index.Query(hash, distance).OrderBy(m => m.Distance).ThenBy(m => m.Index).Select(m => Line(m.Distance, bank[m.Index], null))];
        }

        var variants = PhotoHasher.HashDihedral(image).Hashes;
        return [.. index.QueryDihedral(variants, distance).OrderBy(m => m.Distance).ThenBy(m => m.Index)
            .Select(m => Line(m.Distance, bank[m.Index], m.Transform.ToString()))];
    }

    private static async Task<List<string>> MatchVideoAsync(string file, BruteForceIndex index, HashBank bank, VpdqMatchOptions options, CancellationToken ct)
    {
        var distance = options.MaxDistance;
        var video = await VideoHasher.HashAsync(file, ct: ct).ConfigureAwait(false);
        var best = new Dictionary<int, (int Distance, int Frames)>();
        foreach (var frame in video.Frames)
        {
            if (frame.Quality < VpdqMatchOptions.Default.MinQuality)
            {
                continue;
            }

            foreach (var m in index.Query(frame.Hash, distance))
            {
                best[m.Index] = best.TryGetValue(m.Index, out var seen) ? (Math.Min(seen.Distance, m.Distance), seen.Frames + 1) : (m.Distance, 1);
            }
        }

        List<string> lines = [.. best.OrderBy(b => b.Value.Distance).ThenByDescending(b => b.Value.Frames).ThenBy(b => b.Key)
            .Select(b => Line(b.Value.Distance, bank.Hashes[b.Key], string.Create(CultureInfo.InvariantCulture, $"{b.Value.Frames}/{video.Frames.Count} frames")))];
        var videos = new List<(BankVideo Video, VpdqMatchResult Result, int Distance)>();
        foreach (var target in bank.Videos)
        {
            var result = VpdqMatcher.Match(video.Frames, target.Frames, options);
            if (result.IsMatch)
            {
                videos.Add((target, result, ClosestFrame(video.Frames, target.Frames, options.MinQuality)));
            }
        }

        lines.AddRange(videos.OrderByDescending(v => v.Result.TargetMatchPercent).ThenByDescending(v => v.Result.QueryMatchPercent)
            .Select(v => string.Create(CultureInfo.InvariantCulture,
                $"{v.Distance},vpdq {v.Result.QueryMatchPercent:F1}%/{v.Result.TargetMatchPercent:F1}%,{BankFile.VideoPrefix}{v.Video.Digest},{v.Video.Label},{v.Video.Source}")));
        return lines;
    }

    private static int ClosestFrame(IReadOnlyList<VideoFrameHash> query, IReadOnlyList<VideoFrameHash> target, int minQuality)
    {
        var closest = PdqHash.BitCount;
        foreach (var q in query)
        {
            foreach (var t in target)
            {
                if (q.Quality >= minQuality && t.Quality >= minQuality)
                {
                    closest = Math.Min(closest, PdqHash.Distance(q.Hash, t.Hash));
                }
            }
        }

        return closest;
    }

    private static string Line(int distance, BankHash entry, string? extra) =>
        string.Create(CultureInfo.InvariantCulture, $"{distance},{(extra is null ? string.Empty : extra + ",")}{entry.Hash},{entry.Label},{entry.Source}");
}
