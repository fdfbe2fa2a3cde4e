using System.Diagnostics;

namespace Vigil.Server.Tests.Media;

/// <summary>Media the tests make at run time with Debian's ffmpeg.</summary>
internal static class MediaFiles
{
    public static async Task MakeVideoAsync(string path, int seconds, string source = "testsrc2")
    {
        const string ffmpeg = "/usr/bin/ffmpeg";
        Assert.True(File.Exists(ffmpeg), $"{ffmpeg} is missing; these tests need Debian's ffmpeg.");
        var info = new ProcessStartInfo(ffmpeg) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", $"{source}=size=320x240:rate=10:duration={seconds}", "-pix_fmt", "yuv420p", path])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg could not make {path}: {stderr}");
    }
}
