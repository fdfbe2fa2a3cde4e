using System.Diagnostics;

namespace Vigil.Media.Tests;

/// <summary>Runs Debian's ffmpeg to make test media; fails the test clearly if it is missing.</summary>
internal static class Ffmpeg
{
    public const string Path = "/usr/bin/ffmpeg";

    public static void Run(params string[] args)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is required by this test (apt-get install ffmpeg).");
        }

        var info = new ProcessStartInfo(Path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-y", "-v", "error", "-nostdin", .. args])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {stderr.Result}");
        }
    }
}
