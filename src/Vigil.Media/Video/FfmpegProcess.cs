using System.ComponentModel;
using System.Diagnostics;

namespace Vigil.Media.Video;

internal static class FfmpegProcess
{
    public static Process Start(ProcessStartInfo info, string source)
    {
        if (!File.Exists(info.FileName))
        {
            throw new VideoDecodeException(source, $"{info.FileName} is not installed (Debian package ffmpeg)");
        }

        try
        {
            return Process.Start(info) ?? throw new VideoDecodeException(source, $"{info.FileName} did not start");
        }
        catch (Win32Exception e)
        {
            throw new VideoDecodeException(source, $"{info.FileName} cannot be started: {e.Message}", e);
        }
    }

    public static string LastLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : lines[^1];
    }
}
