namespace Vigil.Media.Video;

/// <summary>A vPDQ hash: the frame hashes of one video, in frame order.</summary>
public sealed record VideoHash
{
    public required string Source { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required double FrameRate { get; init; }

    public required IReadOnlyList<VideoFrameHash> Frames { get; init; }

    /// <summary>What ffmpeg reported while decoding (e.g. a truncated stream); empty when it decoded cleanly.</summary>
    public string DecoderMessages { get; init; } = string.Empty;
}
