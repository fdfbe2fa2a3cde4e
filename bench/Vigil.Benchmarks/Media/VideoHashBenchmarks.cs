using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Vigil.Media.Video;

namespace Vigil.Benchmarks.Media;

/// <summary>vPDQ of a generated 1-minute 720p30 H.264 video at the default 1 frame/s, on all cores.</summary>
[MedianColumn]
public class VideoHashBenchmarks
{
    private string _video = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _video = Path.Combine(Path.GetTempPath(), $"vigil-bench-{Environment.ProcessId}.mp4");
        var info = new ProcessStartInfo("/usr/bin/ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=60", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", _video })
        {
            info.ArgumentList.Add(a);
        }

        using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var error = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed: " + error);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_video);

    [Benchmark]
    public async Task<int> OneMinute720pAtOneFramePerSecond() => (await VideoHasher.HashAsync(_video)).Frames.Count;
}
