using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Vigil.Media.Video;

/// <summary>Width, height and frame rate of the first video stream, read with ffprobe.</summary>
internal sealed record VideoProbe(int Width, int Height, double FrameRate)
{
    public static async Task<VideoProbe> RunAsync(string path, VideoHashOptions options, CancellationToken ct)
    {
        var info = new ProcessStartInfo(options.FfprobePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,avg_frame_rate,r_frame_rate", "-of", "json", "-i", "file:" + Path.GetFullPath(path) })
        {
            info.ArgumentList.Add(a);
        }

        using var process = FfmpegProcess.Start(info, path);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new VideoDecodeException(path, "ffprobe cannot read it: " + FfmpegProcess.LastLine(await stderr));
        }

        using var json = JsonDocument.Parse(await stdout);
        if (!json.RootElement.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            throw new VideoDecodeException(path, "it has no video stream");
        }

        var s = streams[0];
        var width = s.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
        var height = s.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
        if (width <= 0 || height <= 0)
        {
            throw new VideoDecodeException(path, $"its video stream has no usable size ({width}x{height})");
        }

        var rate = Rate(s, "avg_frame_rate");
        if (rate <= 0)
        {
            rate = Rate(s, "r_frame_rate");
        }

        if (rate <= 0)
        {
            throw new VideoDecodeException(path, "its frame rate is unknown");
        }

        return new VideoProbe(width, height, rate);
    }

    private static double Rate(JsonElement stream, string name)
    {
        if (!stream.TryGetProperty(name, out var value) || value.GetString() is not { } text)
        {
            return 0;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return double.TryParse(text, CultureInfo.InvariantCulture, out var plain) ? plain : 0;
        }

        return double.TryParse(text.AsSpan(0, slash), CultureInfo.InvariantCulture, out var num)
            && double.TryParse(text.AsSpan(slash + 1), CultureInfo.InvariantCulture, out var den) && den != 0
                ? num / den
                : 0;
    }
}
