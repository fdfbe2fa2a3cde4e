namespace Vigil.Media.Video;

public sealed record VideoHashOptions
{
    public static VideoHashOptions Default { get; } = new();

    /// <summary>
    /// Frames hashed per second of video (default 1). As in the reference, every k-th decoded frame is
    /// hashed with k = floor(frame rate / this), at least 1. Null hashes every frame.
    /// </summary>
    public double? FramesPerSecond { get; init; } = 1.0;

    /// <summary>
    /// A frame within this distance of the last kept frame is dropped (0: only identical
    /// consecutive hashes; negative: keep every frame).
    /// </summary>
    public int DeduplicateDistance { get; init; }

    /// <summary>
    /// Trim near-black letterbox or pillarbox bars from each frame before hashing, so copies with
    /// and without bars match. Off by default: the reference hashes whole frames, and hashes meant
    /// for exchange with other vPDQ users must be made the same way.
    /// </summary>
    public bool CropBlackBorders { get; init; }

    /// <summary>Videos with larger frames are refused before decoding.</summary>
    public long MaxPixelsPerFrame { get; init; } = 4096L * 4096;

    public string FfmpegPath { get; init; } = "/usr/bin/ffmpeg";

    public string FfprobePath { get; init; } = "/usr/bin/ffprobe";

    /// <summary>Frames hashed at once (default: one per core).</summary>
    public int HashingThreads { get; init; } = Environment.ProcessorCount;
}
