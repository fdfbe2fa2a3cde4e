using Vigil.Media.Video;
using Vigil.Testing;

namespace Vigil.Media.Tests.Video;

/// <summary>
/// The shared sample videos, each hashed once on every frame (as Meta's sample hashes are), both
/// as the reference does (whole frames) and with black bars trimmed. Shared by the tests of a class.
/// </summary>
public sealed class SampleVideos
{
    private readonly Lazy<IReadOnlyDictionary<string, VideoHash>> _whole;
    private readonly Lazy<IReadOnlyDictionary<string, VideoHash>> _trimmed;

    public SampleVideos()
    {
        _whole = new(() => HashAll(new VideoHashOptions { FramesPerSecond = null, DeduplicateDistance = -1 }, _ => true));
        _trimmed = new(() => HashAll(new VideoHashOptions { FramesPerSecond = null, CropBlackBorders = true }, n => n.StartsWith("pattern", StringComparison.Ordinal)));
    }

    public static string Folder => SharedData.Path("video");

    /// <summary>Whole-frame hashes of every sample video, keyed by name without extension.</summary>
    public IReadOnlyDictionary<string, VideoHash> Whole => _whole.Value;

    /// <summary>Bar-trimmed hashes of the pattern videos (the ones that come with and without bars).</summary>
    public IReadOnlyDictionary<string, VideoHash> TrimmedPatterns => _trimmed.Value;

    public static IReadOnlyList<VideoFrameHash> Reference(string name) =>
        VpdqFormat.ReadFile(System.IO.Path.Combine(Folder, "sample-hashes", name + ".txt"));

    public static string Group(string name) => name.Split('-')[0];

    private static Dictionary<string, VideoHash> HashAll(VideoHashOptions options, Func<string, bool> include)
    {
        var files = Directory.GetFiles(Folder, "*.mp4").Order(StringComparer.Ordinal).ToList();
        if (files.Count < 10)
        {
            throw new InvalidOperationException($"Expected the sample videos in {Folder}, found {files.Count}.");
        }

        return files
            .Where(f => include(System.IO.Path.GetFileNameWithoutExtension(f)))
            .ToDictionary(f => System.IO.Path.GetFileNameWithoutExtension(f), f => VideoHasher.HashAsync(f, options).GetAwaiter().GetResult());
    }
}
