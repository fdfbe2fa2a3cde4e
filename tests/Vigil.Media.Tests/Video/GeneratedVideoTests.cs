using Vigil.Media.Video;
using Xunit.Abstractions;

namespace Vigil.Media.Tests.Video;

/// <summary>Copies made here with ffmpeg from an 8-second sample clip: altered copies match, others do not.</summary>
public sealed class GeneratedVideoTests(ITestOutputHelper output) : IDisposable
{
    private static readonly VideoHashOptions Options = new() { CropBlackBorders = true };
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Reencoded_resized_cropped_and_logo_copies_match_and_unrelated_videos_do_not()
    {
        var source = _temp.File("source.mp4");
        Ffmpeg.Run("-i", Path.Combine(SampleVideos.Folder, "chair-orig-22-sd-bar.mp4"), "-t", "8", "-an", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", source);
        var copies = new Dictionary<string, string[]>
        {
            ["reencoded"] = ["-c:v", "libx264", "-preset", "ultrafast", "-crf", "38"],
            ["resized"] = ["-vf", "scale=200:-2", "-c:v", "libx264", "-preset", "ultrafast"],
            ["cropped"] = ["-vf", "crop=iw*0.97:ih*0.97", "-c:v", "libx264", "-preset", "ultrafast"],
            ["bars-removed"] = ["-vf", "crop=416:720:32:0", "-c:v", "libx264", "-preset", "ultrafast"],
            ["logo"] = ["-vf", "drawbox=x=iw*0.75:y=ih*0.04:w=iw*0.12:h=iw*0.12:color=white@0.8:t=fill", "-c:v", "libx264", "-preset", "ultrafast"],
            ["vp9-webm"] = ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k"],
        };
        var original = await VideoHasher.HashAsync(source, Options);
        foreach (var (name, args) in copies)
        {
            var copy = _temp.File(name + (name.EndsWith("webm", StringComparison.Ordinal) ? ".webm" : ".mp4"));
            Ffmpeg.Run(["-i", source, .. args, copy]);
            var r = VpdqMatcher.Match(await VideoHasher.HashAsync(copy, Options), original);
            output.WriteLine($"{name}: {r.QueryMatchPercent:F0}% of copy frames, {r.TargetMatchPercent:F0}% of original frames matched");
            Assert.True(r.IsMatch, $"{name} copy should match ({r.QueryMatchPercent:F0}/{r.TargetMatchPercent:F0})");
        }

        var unrelated = new Dictionary<string, string[]>
        {
            ["mandelbrot"] = ["-f", "lavfi", "-i", "mandelbrot=size=480x720:rate=30", "-t", "8"],
            ["pattern"] = ["-i", Path.Combine(SampleVideos.Folder, "pattern-sd-grey-bar.mp4"), "-t", "6", "-an"],
            ["doorknob"] = ["-i", Path.Combine(SampleVideos.Folder, "doorknob-hd-no-bar.mp4"), "-an"],
        };
        foreach (var (name, args) in unrelated)
        {
            var other = _temp.File(name + ".mp4");
            Ffmpeg.Run([.. args, "-c:v", "libx264", "-preset", "ultrafast", other]);
            var r = VpdqMatcher.Match(await VideoHasher.HashAsync(other, Options), original);
            output.WriteLine($"{name}: {r.QueryMatchPercent:F0}/{r.TargetMatchPercent:F0}");
            Assert.False(r.IsMatch, $"{name} must not match");
            Assert.Equal(0, r.TargetMatchPercent);
        }
    }

    [Fact]
    public async Task Default_rate_hashes_one_frame_per_second_with_timestamps_and_drops_repeated_frames()
    {
        var still = _temp.File("still.mp4");
        // 3 s of a still image then 3 s of another: 6 sampled frames, 2 distinct in a row.
        Ffmpeg.Run(
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=3", "-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=25",
            "-filter_complex", "[0]trim=end_frame=1,loop=74:1,setpts=N/25/TB[a];[1]trim=end_frame=1,loop=74:1,setpts=N/25/TB[b];[a][b]concat=n=2:v=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", still);
        var all = await VideoHasher.HashAsync(still, new VideoHashOptions { DeduplicateDistance = -1 });
        Assert.Equal(25, all.FrameRate, 3);
        Assert.Equal([0, 25, 50, 75, 100, 125], all.Frames.Select(f => f.FrameNumber));
        Assert.Equal([0.0, 1, 2, 3, 4, 5], all.Frames.Select(f => f.TimestampSeconds));
        var deduplicated = await VideoHasher.HashAsync(still);
        Assert.Equal([0, 75], deduplicated.Frames.Select(f => f.FrameNumber));
        var everyHalfSecond = await VideoHasher.HashAsync(still, new VideoHashOptions { FramesPerSecond = 2, DeduplicateDistance = -1 });
        // As in the reference: every floor(25 / 2) = 12th frame.
        Assert.Equal(Enumerable.Range(0, 13).Select(i => i * 12), everyHalfSecond.Frames.Select(f => f.FrameNumber));
    }

    [Fact]
    public async Task Unreadable_videos_fail_with_a_clear_error_naming_the_file()
    {
        var text = _temp.File("notes.mp4");
        await File.WriteAllTextAsync(text, "not a video");
        var empty = _temp.File("empty.mp4");
        await File.WriteAllBytesAsync(empty, []);
        var truncated = _temp.File("truncated.mp4");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(SampleVideos.Folder, "chair-19-sd-bar.mp4"));
        await File.WriteAllBytesAsync(truncated, bytes[..3000]);
        var image = Path.Combine(Vigil.Testing.SharedData.Path("pdq", "decoded"), "misc-images_wee.png");

        foreach (var (file, reason) in new[] { (text, "cannot read"), (empty, "empty"), (truncated, "ffprobe cannot read it"), (_temp.File("missing.mp4"), "does not exist") })
        {
            var e = await Assert.ThrowsAsync<VideoDecodeException>(() => VideoHasher.HashAsync(file));
            output.WriteLine(e.Message);
            Assert.Equal(file, e.VideoSource);
            Assert.Contains(file, e.Message, StringComparison.Ordinal);
            Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        }

        // Cut inside the media data: the frames before the cut are hashed and ffmpeg's complaint is kept.
        var cut = _temp.File("cut.mp4");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 3)]);
        var partial = await VideoHasher.HashAsync(cut, new VideoHashOptions { FramesPerSecond = null });
        output.WriteLine($"cut: {partial.Frames.Count} frames; {partial.DecoderMessages}");
        Assert.InRange(partial.Frames.Count, 1, 563);
        Assert.NotEmpty(partial.DecoderMessages);

        // A still image is a one-frame video to ffmpeg; hashing it is not an error.
        Assert.Single((await VideoHasher.HashAsync(image)).Frames);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories).Except([text, empty, truncated, cut]));
    }

    [Fact]
    public async Task Cancelling_stops_decoding()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VideoHasher.HashAsync(Path.Combine(SampleVideos.Folder, "chair-19-sd-bar.mp4"), ct: cancel.Token));
    }
}
