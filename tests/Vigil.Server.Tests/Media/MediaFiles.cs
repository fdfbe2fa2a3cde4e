using System.Diagnostics;

namespace Vigil.Server.Tests.Media;

/// <summary>Media the tests make at run time with Debian's ffmpeg.</summary>
internal static class MediaFiles
{
    private const string Ffmpeg = "/usr/bin/ffmpeg";

    public static Task MakeVideoAsync(string path, int seconds, string source = "testsrc2") =>
        RunAsync("-f", "lavfi", "-i", $"{source}=size=320x240:rate=10", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p", path);

    /// <summary>A transformed copy of <paramref name="source"/>: the ffmpeg arguments (filters, codec) go between input and output.</summary>
    public static Task CopyVideoAsync(string source, string path, params string[] args) => RunAsync(["-i", source, .. args, path]);

    private static async Task RunAsync(params string[] args)
    {
        Assert.True(File.Exists(Ffmpeg), $"{Ffmpeg} is missing; these tests need Debian's ffmpeg.");
        var info = new ProcessStartInfo(Ffmpeg) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-nostdin", "-v", "error", "-y", .. args])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg could not make {args[^1]}: {stderr}");
    }
}
